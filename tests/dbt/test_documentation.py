"""Analysts read the dbt docs: every model and every column that exists in the warehouse says
what it is."""
import json


def test_every_model_and_column_in_the_warehouse_is_documented(sample_warehouse):
    manifest = json.loads((sample_warehouse.dbt_target / "manifest.json").read_text())
    catalog = json.loads((sample_warehouse.dbt_target / "catalog.json").read_text())
    undocumented = []
    for unique_id, node in manifest["nodes"].items():
        if node["resource_type"] not in ("model", "seed"):
            continue
        if not node["description"].strip():
            undocumented.append(unique_id)
        documented = {name.lower() for name, column in node["columns"].items() if column["description"].strip()}
        built = {name.lower() for name in catalog["nodes"].get(unique_id, {}).get("columns", {})}
        undocumented += [f"{unique_id}.{name}" for name in sorted(built - documented)]
    assert undocumented == []


def test_the_docs_site_is_published_with_the_warehouse(sample_warehouse):
    docs = sample_warehouse.published.parent / "dbt_docs"
    assert {p.name for p in docs.iterdir()} == {"index.html", "manifest.json", "catalog.json"}
