from extract.cleaning import clean_html, clean_text, html_fragment_text

from conftest import SAMPLES


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
