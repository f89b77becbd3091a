"""Sector terms as the annotation guide codes them."""
import pytest


def sectors(doc) -> list[tuple[str, str]]:
    """The fields the text names, not those of an office that acts ("the Minister of Health")."""
    return [(doc[term.start:term.end].text, term.code) for term in doc._.sector_terms if not term.in_office_title]


def offices(doc) -> list[tuple[str, str]]:
    return [(doc[term.start:term.end].text, term.code) for term in doc._.sector_terms if term.in_office_title]


def test_case_and_plural_insensitive_terms(tag):
    assert sectors(tag("Chips, CHIPMAKING and semiconductor supply chains.")) == [
        ("Chips", "semiconductors"), ("CHIPMAKING", "semiconductors"), ("semiconductor", "semiconductors"),
        ("supply chains", "supply_chain")]


def test_the_longest_term_wins(tag):
    assert sectors(tag("They will cooperate on quantum technology and nuclear weapons.")) == [
        ("quantum technology", "quantum"), ("nuclear weapons", "defense")]


def test_technology_that_qualifies_a_named_field_adds_nothing(tag):
    assert sectors(tag("They will share clean energy technology.")) == [("clean energy", "energy")]
    assert ("technology", "science_technology") in sectors(tag("They will cooperate on trade and technology."))
    assert sectors(tag("They will share artificial intelligence (AI) technology.")) == [
        ("artificial intelligence", "ai"), ("AI", "ai")]


def test_words_inside_names_are_not_sectors(tag):
    assert sectors(tag("The Economy and Climate Minister met the Trade and Technology Council.")) == []


@pytest.mark.parametrize("text, expected", [
    ("The Economy and Climate Minister met the Trade and Technology Council.", [("Climate", "climate")]),
    ("The Minister of National Defense of Laos signed a protocol.", [("Defense", "defense")]),
    ("Lower case too: the health ministry signed.", [("health", "health")]),
])
def test_a_capitalised_office_is_an_office_like_a_lower_case_one(tag, text, expected):
    assert offices(tag(text)) == expected


@pytest.mark.parametrize("text", [
    "Kenya and Ghana signed a memorandum at the Ministry of Health in Nairobi.",
    "Australia's Department of Foreign Affairs and Trade signed an arrangement with Vanuatu.",
])
def test_a_capitalised_office_that_is_a_venue_or_a_foreign_ministry_names_no_field(tag, text):
    doc = tag(text)
    assert offices(doc) == [] and sectors(doc) == []


def test_social_security_is_no_security_pact(tag):
    assert sectors(tag("Kenya and Ghana signed a social security deal so that workers keep their pensions.")) == []


def test_a_name_that_says_what_it_is_on_names_its_field(tag):
    doc = tag("They set up a Joint Working Group on Food Security and signed an MoU on Health Cooperation "
              "with the Ministry of Education.")
    assert sectors(doc) == [("Food Security", "agriculture"), ("Health", "health")]


def test_an_agreements_name_says_what_it_is_about(tag):
    assert sectors(tag("Ghana and Togo signed a Free Trade Agreement with the Trade Minister present.")) == [
        ("Free Trade Agreement", "trade")]


def test_a_name_in_the_field_of_a_topic_names_it(tag):
    assert sectors(tag("They signed a Memorandum on Cooperation in the Field of Health.")) == [("Health", "health")]


def test_the_name_of_a_dialogue_channel_is_diplomacy(tag):
    assert sectors(tag("The two ministers launched an annual Ghana-Togo Strategic Dialogue.")) == [
        ("Strategic Dialogue", "diplomacy")]


def test_an_armed_forces_name_is_the_military(tag):
    doc = tag("Officers of the Ghana Armed Forces and the Botswana Defence Force will patrol the border.")
    assert sectors(doc) == [("Armed Forces", "defense"), ("Defence Force", "defense")]


def test_fields_capitalised_in_an_official_text_are_sectors(tag):
    doc = tag("The memorandum covers the fields of Agriculture, Fisheries and Health, and the Tourism sector, "
              "under the Critical Minerals Office and with the Ministry of Education.")
    assert sectors(doc) == [("Agriculture", "agriculture"), ("Fisheries", "agriculture"), ("Health", "health"),
                            ("Tourism", "education_culture")]


def test_the_everyday_words_of_each_field(tag):
    doc = tag("They will supply fertiliser to farmers, fight malaria, lay broadband, "
              "cut emissions and step up maritime security.")
    assert [code for _, code in sectors(doc)] == ["agriculture", "agriculture", "health", "digital", "climate",
                                                 "defense"]


@pytest.mark.parametrize("text, codes", [
    ("Lisbon will stock rural pharmacies and clinics.", ["health", "health"]),
    ("Builders will refurbish classrooms and print textbooks.", ["education_culture", "education_culture"]),
    ("Dutch engineers will raise the dikes and dredge the drainage canals.", ["infrastructure"] * 3),
    ("The two banks will link their QR payment networks and cut remittance fees.", ["finance", "finance"]),
    ("They will fight locusts and protect cattle from foot-and-mouth.", ["agriculture"] * 3),
    ("The coastguard will receive two patrol vessels and a frigate.", ["defense", "defense"]),
    ("The agencies will build a cubesat near the spaceport.", ["space", "space"]),
    ("They agreed to start talks on demarcation of the maritime boundary.", ["diplomacy", "diplomacy"]),
    ("Australia signed a security deal with Fiji and a security accord with Tonga.", ["defense", "defense"]),
])
def test_the_words_news_uses_for_a_field(tag, text, codes):
    assert [code for _, code in sectors(tag(text))] == codes


def test_the_guides_conventions_for_ceasefires_swaps_and_concessional_loans(tag):
    doc = tag("They agreed to a ceasefire, a swap line and a concessional loan for phytosanitary checks.")
    assert [code for _, code in sectors(doc)] == ["defense", "finance", "development", "agriculture"]


def test_a_sector_word_used_as_a_verb_is_not_a_sector(tag):
    assert sectors(tag("Firms will produce hydrogen and transport it abroad.")) == [("hydrogen", "energy")]
    assert sectors(tag("Lima will also grant duty-free entry, which could fuel growth.")) == [("duty-free", "trade")]
    assert sectors(tag("They vowed never to harbor militants near the harbour.")) == [("harbour", "infrastructure")]
    assert sectors(tag("Lima agreed to cut tariffs and grant 90-day permits.")) == [("tariffs", "trade")]
    assert ("grant", "development") in sectors(tag("Lima agreed to build a road and a grant for clinics."))


def test_the_currency_of_an_amount_is_no_currency_arrangement(tag):
    assert sectors(tag("Beijing will give 20 million yuan for schools.")) == [("schools", "education_culture")]
    assert ("yuan", "finance") in sectors(tag("They will settle their trade in yuan."))


def test_phrases_that_hold_a_fields_word_but_name_no_field(tag):
    doc = tag("The two sides will join forces on road maps to bridge the gap, a quantum leap in ties that "
              "bore fruit.")
    assert [code for _, code in sectors(doc)] == ["diplomacy"]
    assert sectors(tag("The loan gives the economy breathing space and leaves space for reform.")) == [
        ("loan", "finance")]
    assert sectors(tag("They will cooperate in space.")) == [("space", "space")]
    assert sectors(tag("The allies will deny any space to armed groups and leave no space for smugglers.")) == []


def test_a_donation_and_the_fight_against_terror_name_their_fields(tag):
    assert sectors(tag("Ghana will donate vaccines to its neighbours and join the fight against terror.")) == [
        ("donate", "development"), ("vaccines", "health"), ("terror", "defense")]


def test_a_text_that_ends_in_a_list_of_fields(tag):
    assert sectors(tag("Peru and Chile signed a deal on science and ICT")) == [
        ("science", "science_technology"), ("ICT", "digital")]


def test_training_people_is_education(tag):
    assert ("train", "education_culture") in sectors(tag("They will train chip engineers."))
    assert ("train", "education_culture") not in sectors(tag("They will train together at sea."))
    assert ("train", "education_culture") not in sectors(tag("Japan will train Philippine Navy personnel."))


def test_solar_farms_are_energy_not_agriculture(tag):
    assert sectors(tag("They will build solar farms and wind farms.")) == [
        ("solar farms", "energy"), ("wind farms", "energy")]


def test_a_recurring_meeting_is_a_dialogue_channel(tag):
    assert sectors(tag("They agreed to meet at ministerial level every year.")) == [("meet", "diplomacy")]
    assert sectors(tag("The two sides will hold the summit regularly.")) == [("summit", "diplomacy")]
    assert sectors(tag("They will hold annual consultations on Arctic shipping.")) == [
        ("consultations", "diplomacy")]


def test_a_meeting_that_only_places_the_act_is_no_channel(tag):
    assert sectors(tag("The envoys signed the pact during their annual meeting in Lima.")) == []
    assert sectors(tag("The ministers will hold talks in Oslo next week.")) == []
