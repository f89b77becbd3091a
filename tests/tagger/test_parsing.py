"""The syntax model parses only the sentences that can hold a commitment, aligned with the
article's own tokens."""


def parsed(nlp, text: str):
    with nlp.select_pipes(disable=["commitment_detector"]):
        return nlp(text)


def test_only_sentences_with_a_committing_cue_and_a_party_are_parsed(nlp):
    doc = parsed(nlp, "The weather was mild. Peru and Chile signed a memorandum on fisheries. Prices rose in Lima.")
    assert [span.text for span in doc.spans["commitment_candidates"]] == [
        "Peru and Chile signed a memorandum on fisheries."]
    assert list(doc._.parses) == [doc.spans["commitment_candidates"][0].start]


def test_a_parse_is_one_tree_over_the_article_token_indices(nlp):
    doc = parsed(nlp, "Prices rose. The declaration was signed by Ghana, Togo and Benin on the coast.")
    parse = next(iter(doc._.parses.values()))
    sentence = doc.spans["commitment_candidates"][0]
    assert (parse.start, parse.end) == (sentence.start, sentence.end)
    roots = [i for i in range(parse.start, parse.end) if parse.head(i) == i]
    assert len(roots) == 1
    signed = next(t.i for t in sentence if t.text == "signed")
    agents = {doc[i].text for child in parse.children(signed) for i in parse.subtree(child)}
    assert {"Ghana", "Togo", "Benin"} <= agents


def test_a_reached_record_is_not_worth_parsing(nlp):
    doc = parsed(nlp, "Trade between Peru and Chile reached a record last year.")
    assert doc._.parses == {}


def test_a_wire_dateline_is_left_out_of_the_tree(nlp):
    doc = parsed(nlp, "LIMA, March 3 (Reuters) - Peru and Chile signed a memorandum on fisheries.")
    parse = doc._.parses[0]
    signed = next(t.i for t in doc if t.text == "signed")
    subjects = [i for i in parse.children(signed) if parse.dep(i).startswith("nsubj")]
    assert [doc[i].text for i in subjects] == ["Peru"]
    assert parse.start == next(t.i for t in doc if t.text == "Peru")
