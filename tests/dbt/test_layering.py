"""The project is layered as in dbt-labs' jaffle-shop: a staging model renames one source table or
seed, and everything above staging reads models only, so the lineage analysts browse in the docs
site goes through one staging model per input."""
import json


def models_by_layer(sample_warehouse) -> dict[str, dict[str, list[str]]]:
    """Layer (the folder under models/) -> model -> the nodes it reads."""
    manifest = json.loads((sample_warehouse.dbt_target / "manifest.json").read_text())
    layers: dict[str, dict[str, list[str]]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model":
            layers.setdefault(node["fqn"][1], {})[node["name"]] = node["depends_on"]["nodes"]
    return layers


def test_each_staging_model_reads_one_source_or_seed(sample_warehouse):
    staging = models_by_layer(sample_warehouse)["staging"]
    assert {name: len(reads) for name, reads in staging.items() if len(reads) != 1} == {}
    assert {name: reads for name, reads in staging.items() if not reads[0].startswith(("source.", "seed."))} == {}


def test_intermediate_models_and_marts_read_models_only(sample_warehouse):
    layers = models_by_layer(sample_warehouse)
    assert set(layers) == {"staging", "intermediate", "marts"}
    outside = {name: [node for node in reads if not node.startswith("model.")]
               for layer in ("intermediate", "marts") for name, reads in layers[layer].items()}
    assert {name: nodes for name, nodes in outside.items() if nodes} == {}
