"""How the pipeline benchmark reads a DAG run's log."""
from bench.pipeline import stage_durations

LOG = """\
2024-06-03T10:00:00.000000Z [info ] [DAG TEST] starting task_id=extract_articles map_index=-1 [airflow]
2024-06-03T10:00:04.500000Z [info ] [DAG TEST] end task task_id=extract_articles map_index=-1 [airflow]
2024-06-03T10:00:05.000000Z [info ] [DAG TEST] starting task_id=tag_part map_index=0 [airflow]
extract: this line of the task's own output is not a task boundary
2024-06-03T10:00:07.000000Z [info ] [DAG TEST] end task task_id=tag_part map_index=0 [airflow]
2024-06-03T10:00:07.000000Z [info ] [DAG TEST] starting task_id=tag_part map_index=1 [airflow]
2024-06-03T10:00:10.000000Z [info ] [DAG TEST] end task task_id=tag_part map_index=1 [airflow]
2024-06-03T10:00:10.000000Z [info ] [DAG TEST] starting task_id=dbt.fct_commitments_model_build map_index=-1 [a]
2024-06-03T10:00:11.250000Z [info ] [DAG TEST] end task task_id=dbt.fct_commitments_model_build map_index=-1 [a]
"""


def test_stage_seconds_add_up_each_stages_tasks_and_count_the_tagging_parts():
    stages, parts = stage_durations(LOG)
    assert stages["extract"] == 4.5
    assert stages["tag"] == 5.0
    assert stages["dbt"] == 1.25
    assert stages["load"] == stages["validation"] == stages["publish"] == 0
    assert parts == 2
