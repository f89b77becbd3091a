"""The language of an article, as the warehouse records it."""
import pytest

from extract.language import UNDETERMINED, detect_language


@pytest.mark.parametrize("body, language", [
    ("The finance ministers of both countries met in the capital on Monday and agreed to review the "
     "rules on port fees before the end of the year, officials said after the talks.", "en"),
    ("Los ministros de ambos países se reunieron el lunes en la capital y acordaron revisar las "
     "normas sobre las tasas portuarias antes de fin de año, según dijeron los funcionarios.", "es"),
    ("Die Minister beider Länder trafen sich am Montag in der Hauptstadt und vereinbarten, die Regeln "
     "für Hafengebühren bis zum Jahresende zu überprüfen, sagten Beamte nach den Gesprächen.", "de"),
    ("Les ministres des deux pays se sont réunis lundi dans la capitale et ont convenu de revoir les "
     "règles sur les droits portuaires avant la fin de l'année, ont indiqué des responsables.", "fr"),
])
def test_the_language_of_an_article_is_recorded(body, language):
    assert detect_language(body) == language
    # A long article is judged on its opening, which must not change the verdict.
    assert detect_language((body + "\n\n") * 40) == language


def test_too_little_text_has_no_language():
    assert detect_language("Seoul, 2 June") == UNDETERMINED
