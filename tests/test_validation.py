import pytest

from extract.load import connect
from extract.transform import run_dbt
from extract.validation import ValidationFailed, validate_marts, validate_raw

BAD_DATA = {
    "a future published date": (
        "update raw.articles set published_date = current_date + 30 where article_id = "
        "(select min(article_id) from raw.articles)",
        "raw_articles", "expect_column_values_to_be_between", "published_date"),
    "an empty article body": (
        "update raw.articles set body = '' where article_id = (select min(article_id) from raw.articles)",
        "raw_articles", "expect_column_value_lengths_to_be_between", "body"),
    "an unknown country code": (
        "update raw.commitment_parties set party_code = 'ATL' where party_order = 1",
        "raw_commitments", "expect_column_values_to_be_in_set", "party_code"),
    "an unknown sector": (
        "update raw.commitment_sectors set sector_code = 'crypto' where sector_code = 'trade'",
        "raw_commitments", "expect_column_values_to_be_in_set", "sector_code"),
    "evidence that is not in the body": (
        "update raw.commitments set evidence = 'Atlantis and Utopia agreed on everything.' "
        "where commitment_index = 0",
        "raw_commitments", "expect_column_values_to_be_in_set", "evidence_in_body"),
}


def test_good_load_passes(loaded_samples):
    assert validate_raw(loaded_samples)["validated_raw"]["raw_articles"] == loaded_samples["articles"]


@pytest.mark.parametrize("case", BAD_DATA)
def test_bad_data_fails_validation_naming_the_expectation(loaded_samples, case):
    statement, suite, expectation, column = BAD_DATA[case]
    with connect() as connection:
        connection.execute(statement)
    with pytest.raises(ValidationFailed) as failed:
        validate_raw(loaded_samples)
    assert (suite, expectation, column) in [(f.suite, f.expectation, f.column) for f in failed.value.failures]
    assert f"{suite}: {expectation} on {column} failed" in str(failed.value)


def test_marts_are_validated_after_the_build(loaded_samples):
    run_dbt("build")
    assert validate_marts()["fct_commitments"] > 0
