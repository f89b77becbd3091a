"""What an analyst would notice in the tagger's output."""
from extract.tagger.components import COUNTRY_LABEL


def countries(doc) -> list[str]:
    return [ent.ent_id_ for ent in doc.ents if ent.label_ == COUNTRY_LABEL]


def parties_by_sentence(doc) -> list[set[str]]:
    return [set(c.parties) for c in doc._.commitments]


def test_countries_by_name_short_form_adjective_and_capital(nlp):
    doc = nlp("Britain and the U.S. met in Seoul. British and Japanese officials flew to Canberra.")
    assert countries(doc) == ["GBR", "USA", "KOR", "GBR", "JPN", "AUS"]


def test_longest_alias_wins(nlp):
    doc = nlp("North Korean missiles worried South Korean and Korean officials in the Dominican Republic.")
    assert countries(doc) == ["PRK", "KOR", "KOR", "DOM"]


def test_sectors_prefer_the_most_specific_term(nlp):
    doc = nlp("They will cooperate on quantum technology and chipmaking.")
    assert [(span.text, span.label_) for span in doc.spans["sectors"]] == [
        ("quantum technology", "quantum"), ("chipmaking", "semiconductors")]


def test_both_sides_refers_back_to_the_last_pair(nlp):
    doc = nlp("Chile and the EU signed a lithium pact. Both sides also pledged to cut tariffs.")
    assert parties_by_sentence(doc) == [{"CHL", "EUU"}, {"CHL", "EUU"}]
    assert doc._.commitments[1].sectors == ["trade"]


def test_calls_and_criticism_are_not_commitments(nlp):
    doc = nlp("Biden called on Japan and Korea to sign a deal. China criticised the pact with Russia.")
    assert doc._.commitments == []


def test_a_single_country_plan_is_not_a_commitment(nlp):
    assert nlp("Canada will build 400,000 homes and pledged tax cuts.")._.commitments == []


def test_evidence_is_the_sentence_with_its_offsets(nlp):
    text = "Intro line here.\n\nJapan and India signed a memorandum on cybersecurity. Other news."
    commitment = nlp(text)._.commitments[0]
    assert commitment.evidence == "Japan and India signed a memorandum on cybersecurity."
    assert text[commitment.start_char:commitment.end_char] == commitment.evidence
    assert commitment.commitment_type == "agreement"
    assert commitment.sectors == ["digital"]
    assert 0 <= commitment.confidence <= 1


def test_a_commitment_without_a_named_sector_is_diplomacy(nlp):
    assert nlp("Israel and Bahrain agreed to meet again next month.")._.commitments[0].sectors == ["diplomacy"]
