import json
from pathlib import Path

import pytest

from extract.cleaning import clean_html, clean_text, html_fragment_text, item_text

from conftest import SAMPLES

BOILERPLATE = Path(__file__).parent / "fixtures" / "boilerplate"
# Per kind of boilerplate: the article's paragraphs, and every boilerplate text of its pages.
EXPECTED = json.loads((BOILERPLATE / "expected.json").read_text(encoding="utf-8"))


def body_of(path: Path) -> str:
    """The article body the cleaner makes of a scraped text page, a web page or a JSON item."""
    content = path.read_text(encoding="utf-8")
    if path.suffix == ".txt":
        return clean_text(content).body
    if path.suffix == ".html":
        return clean_html(content).body
    return item_text(json.loads(content)["body"])


@pytest.mark.parametrize("page_format", ["txt", "html", "json"])
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_no_line_of_boilerplate_reaches_the_body_and_every_paragraph_does(kind, page_format):
    body = body_of(BOILERPLATE / f"{kind}.{page_format}")
    assert [text for text in EXPECTED[kind]["boilerplate"] if text in body] == []
    assert [paragraph for paragraph in EXPECTED[kind]["article"] if paragraph not in body] == []


def test_a_plain_text_item_body_loses_its_teasers_newsletter_box_and_agency_codes():
    body = ("CAIRO (Example Wire) - Egypt and Sudan agreed on Monday to run joint inspections of the "
            "Nile barrages, sharing readings of water levels every day during the flood season.\n\n"
            "Read more: Kenya and Uganda sign lake transport deal\n\n"
            "The irrigation ministers of the two countries said a technical committee would meet monthly "
            "in Khartoum or Cairo to compare data and plan releases.\n\n"
            "[Newsletter] Nile Week: the river's politics in your inbox every Sunday. Sign up free.\n\n"
            "Ethiopia was not part of the agreement.\n\n"
            "cai/kh/mm")
    assert item_text(body) == (
        "CAIRO (Example Wire) - Egypt and Sudan agreed on Monday to run joint inspections of the Nile "
        "barrages, sharing readings of water levels every day during the flood season.\n\n"
        "The irrigation ministers of the two countries said a technical committee would meet monthly in "
        "Khartoum or Cairo to compare data and plan releases.\n\n"
        "Ethiopia was not part of the agreement.")


def test_a_one_paragraph_wire_story_survives_with_its_dateline_on_a_line_of_its_own():
    page = ("Example Wire | Asia\nHome | Markets | Politics\n\nJapan, India agree on chip supply\n\n"
            "TOKYO, May 3 (Example Wire) -\n"
            "Japan and India agreed on Friday to share information on semiconductor supply shortages.\n\n"
            "Tags: Japan, India, chips\n")
    assert clean_text(page).body == ("TOKYO, May 3 (Example Wire) - Japan and India agreed on Friday to share "
                                     "information on semiconductor supply shortages.")


def test_a_date_line_with_the_time_and_the_site_name_is_not_the_title():
    page = ("Ghana, Togo sign fisheries plan\n\nNEWS.EXAMPLE / Politics\n\n07 March 2019 [15:15] - NEWS.EXAMPLE\n\n"
            "The fisheries ministries of Ghana and Togo held talks in Accra this week on quotas and patrols, "
            "the Ghanaian ministry said on Thursday.\n\n"
            "The talks resulted in the signing of a plan of fisheries cooperation for the coming season, under "
            "which patrol boats of the two countries will share their catch data every month.")
    assert clean_text(page).title == "Ghana, Togo sign fisheries plan"
    assert clean_text(page.replace("Ghana, Togo sign fisheries plan", "Top 10 2024 fisheries deals in West Africa")
                      ).title == "Top 10 2024 fisheries deals in West Africa"  # a number is no date


def test_a_hard_wrapped_press_release_keeps_its_paragraphs_whole():
    page = ("Visit of the Foreign Minister of Ghana to Namibia postponed\n"
            "14 May 2019\n"
            "Windhoek: The official visit of the Foreign Minister of Ghana to Namibia,\n"
            "which was scheduled to start on Thursday, 16 May 2019, has been postponed\n"
            "at the request of the Government of Ghana owing to pressing domestic\n"
            "matters that need the Minister's attention.\n"
            "A new date for the visit will be agreed upon through the usual diplomatic\n"
            "channels between the two countries, the Ministry said on Tuesday.\n")
    article = clean_text(page)
    assert article.title == "Visit of the Foreign Minister of Ghana to Namibia postponed"
    assert article.body == (
        "Windhoek: The official visit of the Foreign Minister of Ghana to Namibia, which was scheduled to start on "
        "Thursday, 16 May 2019, has been postponed at the request of the Government of Ghana owing to pressing "
        "domestic matters that need the Minister's attention.\n\n"
        "A new date for the visit will be agreed upon through the usual diplomatic channels between the two "
        "countries, the Ministry said on Tuesday.")


def test_a_wire_paragraph_after_a_dateline_set_off_by_bars_is_body():
    page = ("Kenya, Ghana sign fisheries pact\n\nNews | Africa | Business\n\n"
            "Accra, Ghana | Example Wire | Kenya and Ghana signed an agreement on fisheries on Saturday during the "
            "Kenyan President's state visit to Accra.\n\n"
            "The agreement covers the licensing of vessels, joint patrols and the training of inspectors, and it runs "
            "for five years from the date of signature, officials of both governments said after the ceremony.\n")
    body = clean_text(page).body
    assert body.startswith("Accra, Ghana | Example Wire | Kenya and Ghana signed an agreement")
    assert "News | Africa" not in body


def test_a_page_of_one_paragraph_per_line_with_a_list_of_headlines_is_not_joined():
    headlines = "\n".join(f"{a} and {b} reopen their border after two years of closure"
                          for a, b in [("Nigeria", "Benin"), ("Rwanda", "Uganda"), ("Zambia", "Malawi"),
                                       ("Eritrea", "Ethiopia"), ("Tanzania", "Kenya"), ("Chad", "Sudan"),
                                       ("Mali", "Niger"), ("Angola", "Namibia"), ("Senegal", "Gambia")])
    page = ("Kenya and Ghana sign fisheries pact\n"
            "Kenya and Ghana signed an agreement on fisheries on Monday, pledging to share data on catches and to "
            "train inspectors together, the two foreign ministries said in a joint statement.\n"
            "The deal follows two years of talks and covers joint patrols against illegal fishing, officials said.\n"
            f"Related stories\n{headlines}\n")
    assert clean_text(page).body == (
        "Kenya and Ghana signed an agreement on fisheries on Monday, pledging to share data on catches and to train "
        "inspectors together, the two foreign ministries said in a joint statement.\n\n"
        "The deal follows two years of talks and covers joint patrols against illegal fishing, officials said.")


def test_short_wire_paragraphs_above_a_read_more_box_are_body():
    page = ("Ghana has signed a maritime security pact with Togo as both face piracy in the Gulf.\n\n"
            "The pact covers joint patrols, training and the sharing of radar data.\n\n"
            "READ MORE:\n\n"
            "* Why the Gulf of Guinea became a piracy hotspot\n\n"
            "* Benin buys two patrol boats from France\n\n"
            "Last year, Nigeria signed a similar pact with Cameroon, officials said at the signing in Lome, where "
            "the two ministers also toured the port, met the representatives of the fishermen of both countries "
            "and heard how the attacks of the past three years have emptied the fishing grounds off the coast.\n\n"
            "The navies of the two countries will hold their first joint exercise in March, the Togolese "
            "defence ministry said in a statement on Tuesday evening after the ceremony, and they will share "
            "the costs of fuel, of the crews and of the repairs to the boats that take part in the patrols.\n")
    body = clean_text(page).body
    assert body.startswith("Ghana has signed a maritime security pact with Togo")
    assert "The pact covers joint patrols" in body
    assert "READ MORE" not in body and "Benin buys" not in body
    assert body.endswith("take part in the patrols.")


def test_teasers_under_a_most_popular_heading_above_a_read_more_box_are_not_body():
    page = ("Home\n\nMost popular\n\nGhana and Togo agree to joint naval patrols.\n\n"
            "Kenya pledges aid to Somalia after floods.\n\nREAD MORE:\n\n* Why the rains failed\n\n"
            "* Herders move south\n\n"
            "The drought in northern Kenya has killed thousands of cattle this year, and herders say the grazing "
            "lands that once saw them through the dry season are now bare, forcing whole families to move south "
            "in search of water and pasture.\n\n"
            "Aid agencies say the number of people who need food assistance has doubled since January, and that "
            "the rains expected in March may again be too short to restore the pastures before the next dry "
            "season begins.\n")
    body = clean_text(page).body
    assert body.startswith("The drought in northern Kenya")
    assert "naval patrols" not in body and "Somalia" not in body


def test_a_short_statement_keeps_the_decisions_under_its_opening():
    page = ("Joint Communique\n"
            "The Government of Ghana and the Government of Togo,\n"
            "Recalling their long friendship,\n"
            "Have agreed as follows:\n"
            "The two countries will build a coastal railway by 2030.\n"
            "The two sides will open a joint border post.\n")
    assert clean_text(page).body.endswith("Have agreed as follows:\n\nThe two countries will build a coastal railway "
                                          "by 2030.\n\nThe two sides will open a joint border post.")


def test_an_item_of_one_sentence_or_one_headline_keeps_it():
    assert html_fragment_text("<p>Brazil and Peru signed a river transport deal.</p>") == \
        "Brazil and Peru signed a river transport deal."
    assert item_text("Brazil and Peru sign river transport deal") == "Brazil and Peru sign river transport deal"


def test_a_page_in_another_language_keeps_its_prose_judged_by_that_languages_stop_words():
    text = clean_text((BOILERPLATE / "spanish_page.txt").read_text(encoding="utf-8"))
    assert text.title == "Perú y Ecuador firman un acuerdo para proteger los manglares de la frontera"
    assert text.body.startswith("TUMBES - Los gobiernos de Perú y Ecuador firmaron el martes")
    assert text.body.endswith("El fondo empezará a funcionar el próximo año.")
    assert len(text.body.split("\n\n")) == 4
    for boilerplate in ("Colombia y Panamá", "PUBLICIDAD", "Silala", "pescador_77", "Ojalá", "Todos los derechos"):
        assert boilerplate not in text.body


def test_an_agreements_opening_and_preamble_between_its_headings_are_body():
    page = ("Memorandum of Understanding on Fisheries\n\n"
            "The Ministry of Fisheries of Ghana and the Ministry of Fisheries of Togo, hereinafter the Parties,\n"
            "– Considering their shared coast,\n"
            "– Wishing to protect their fish stocks,\n"
            "Have agreed as follows:\n\n"
            "Article 1\n"
            "Purpose\n"
            "The Parties shall cooperate in the management of the fisheries of their shared coast, in the training "
            "of fisheries inspectors and in the control of the vessels licensed in their waters, and they shall "
            "exchange data on their catches every year.\n")
    body = clean_text(page).body
    assert body.startswith("The Ministry of Fisheries of Ghana and the Ministry of Fisheries of Togo, hereinafter the "
                           "Parties,\n\n– Considering their shared coast,")
    assert "Have agreed as follows:\n\nThe Parties shall cooperate" in body


def test_questions_and_answers_of_a_press_conference_are_prose():
    page = ("Ministry of Foreign Affairs | Press\n\nSpokesperson's regular press conference\n\n"
            "The spokesperson opened the briefing with the schedule of the minister's visit to the Gulf "
            "states next week, where several agreements on energy and trade are expected to be discussed.\n\n"
            "Q: Has the ministry received the draft of the fisheries agreement?\n\n"
            "A: The draft arrived on Monday and the experts are studying it.\n\n"
            "Q: When will the two sides meet again?\n\n"
            "A: The next round of talks will be held in the spring.\n\n"
            "Share: Email | Print\n")
    body = clean_text(page).body
    assert body.endswith("A: The next round of talks will be held in the spring.")
    assert "Q: Has the ministry received the draft of the fisheries agreement?" in body


def test_a_statement_opening_line_that_goes_on_into_its_preamble_is_body():
    page = ("Ministry of Foreign Affairs | News\n\nJoint Statement of Peru and Ecuador\n\n"
            "The President of Peru received the President of Ecuador in Lima on Monday for a state visit, "
            "the first in five years, and the two held talks with their delegations.\n\n"
            "The two Presidents,\n\n"
            "Recognising the importance of the shared border for the security and prosperity of both peoples;\n\n"
            "have decided to build a bridge over the border river and to share data on fish stocks.\n\n"
            "Share: Email | Print\n")
    assert "The two Presidents,\n\nRecognising the importance" in clean_text(page).body


def test_a_subheading_stays_with_its_paragraph_and_a_related_box_goes():
    html = ("<html><head><title>Fiji and Tonga agree on shared patrol boat</title></head><body><article>"
            "<h1>Fiji and Tonga agree on shared patrol boat</h1>"
            "<p>SUVA - Fiji and Tonga agreed on Thursday to share a patrol boat to watch over fishing grounds "
            "between the two island groups, splitting the cost of its crew and fuel for five years.</p>"
            "<h2>Who pays for what</h2>"
            "<p>Fiji will provide the crew and the berth in Suva, while Tonga will pay for the fuel and the "
            "maintenance of the vessel, according to a statement from the two governments.</p>"
            "<div><h3>Related stories</h3><ul><li><a href='/a'>Samoa and Tokelau sign shipping accord</a></li>"
            "<li><a href='/b'>Vanuatu opens new wharf</a></li></ul></div>"
            "<p>The boat is due to arrive from the shipyard in September, and its first patrol is planned for "
            "the start of the tuna season.</p></article></body></html>")
    body = clean_html(html).body
    assert "Who pays for what\n\nFiji will provide the crew" in body
    assert "Related stories" not in body and "Samoa" not in body and "Vanuatu" not in body
    assert body.endswith("the start of the tuna season.")


def test_numbered_headings_of_a_plain_text_page_stay_with_their_paragraphs():
    page = ("Ministry of Foreign Affairs | Documents\n\nList of Outcomes: Visit of the President of Peru to Ecuador\n\n"
            "Agreements\n\n"
            "1. Memorandum of Understanding on Fisheries Cooperation\n\n"
            "Description: To share data on fish stocks and to train inspectors of the two fishing authorities.\n\n"
            "2. Agreement on a Bridge over the Border River\n\n"
            "Description: To build and maintain a road bridge linking the two border towns.\n\n"
            "Related Links\n\n- Joint Statement: Peru and Chile\n\n- List of Outcomes: Visit to Bolivia\n")
    article = clean_text(page)
    assert article.title == "List of Outcomes: Visit of the President of Peru to Ecuador"
    assert article.body.startswith("1. Memorandum of Understanding on Fisheries Cooperation\n\nDescription: To share")
    assert "2. Agreement on a Bridge over the Border River\n\nDescription: To build" in article.body
    assert "Chile" not in article.body and "Bolivia" not in article.body


def test_a_page_of_nothing_but_site_furniture_has_no_body():
    assert clean_text("Home | World | Business\nSubscribe now\nTags: none\n").body == ""


def test_scraped_page_keeps_the_article_and_drops_every_boilerplate_section():
    text = clean_text((SAMPLES / "s01_chile_eu_lithium.txt").read_text())
    assert text.title == "Chile and EU seal lithium and trade pact"
    assert text.body.startswith("BRUSSELS - Chile and the European Union signed")
    assert text.body.endswith("although the text does not mention Beijing.")
    for boilerplate in ("Lo más leído", "Peru and Brazil agree", "Related Stories", "Mexico and Canada",
                        "Tags:", "Disclaimer", "Inicio |"):
        assert boilerplate not in text.body
    assert "martes, 13 de diciembre de 2022" in text.header


def test_teaser_cut_off_with_an_ellipsis_and_app_banners_are_not_body():
    page = ("World\n\nKorea to bolster ties with US\n\nBy Wire | Updated: December 23, 2021\n\n"
            "Seoul, Dec 23 South Korea will expand cooperation with the United States ...\n\nOpen in App\n\n"
            "Seoul, Dec 23 South Korea will expand cooperation with the United States on chips next year, "
            "the ministry said.\n\nRelated Stories\n\nUS and India sign a big deal on everything\n")
    text = clean_text(page)
    assert text.body == ("Seoul, Dec 23 South Korea will expand cooperation with the United States on chips "
                         "next year, the ministry said.")


def test_html_page_drops_cookie_banner_navigation_sidebar_and_footer():
    text = clean_html((SAMPLES / "s02_korea_australia_minerals.html").read_text())
    assert text.title == "Australia and South Korea deepen minerals and defence ties"
    assert text.body.startswith("CANBERRA – Australia and South Korea agreed on Monday")
    for boilerplate in ("cookies", "Most read", "New Zealand and Fiji", "All rights reserved", "Subscribe"):
        assert boilerplate not in text.body


def test_html_item_body_becomes_visible_text_with_entities_decoded():
    body = "<p><strong>SEOUL</strong> &ndash; Both sides agreed.</p><p>North Korea&rsquo;s tests.</p>"
    assert html_fragment_text(body) == "SEOUL – Both sides agreed.\n\nNorth Korea’s tests."
