"""What is and is not a commitment, and between whom. Every sentence is made up for the test."""
import pytest


def commitments(doc) -> list[tuple[set[str], list[str]]]:
    return [(set(c.parties), c.sectors) for c in doc._.commitments]


def parties(doc) -> list[set[str]]:
    return [set(c.parties) for c in doc._.commitments]


def test_two_parties_agreeing_on_sectors(tag):
    assert commitments(tag("Korea and the UK agreed to work more closely on AI and quantum computing.")) == [
        ({"KOR", "GBR"}, ["ai", "quantum"])]


def test_one_party_working_with_several_makes_one_commitment_per_pair(tag):
    doc = tag("Korea has committed to work with Japan, India and France on a stable supply chain.")
    assert parties(doc) == [{"KOR", "JPN"}, {"KOR", "IND"}, {"KOR", "FRA"}]


def test_who_acts_under_the_deal_is_a_party_to_it(tag):
    doc = tag("Foreign Minister Ama Mensah and Togo's foreign minister signed an agreement in Accra on Monday, "
              "under which Ghana will provide two patrol boats to the Togolese navy.")
    assert commitments(doc) == [({"TGO", "GHA"}, ["defense"])]


def test_the_two_after_a_sentence_opening_on_another_partner_pairs_it_with_the_hub(tag):
    doc = tag("With Togo, Ghana signed a memorandum on fisheries. In Benin's case, the two health ministries "
              "agreed to build a vaccine plant.")
    assert commitments(doc) == [({"TGO", "GHA"}, ["agriculture"]), ({"GHA", "BEN"}, ["health"])]


def test_its_agency_after_a_partys_own_act_is_that_party(tag):
    doc = tag("Ghana pledged 150 scholarships a year to students from Togo, and its cooperation agency signed "
              "an agreement with the government of Benin to fund fisheries research.")
    assert parties(doc) == [{"GHA", "TGO"}, {"GHA", "BEN"}]


def test_the_parties_between_which_a_deal_was_signed_may_follow_its_place(tag):
    doc = tag("The two ministers welcomed the memorandum signed on 3 May in New York, N.Y., between the foreign "
              "ministry of Ghana and Togo's fisheries agency on fisheries research.")
    assert commitments(doc) == [({"GHA", "TGO"}, ["agriculture", "science_technology"])]


@pytest.mark.parametrize("passive, third", [
    ("A third loan agreement was signed with the Prime Minister of Benin for a new hospital.", {"KWT", "BEN"}),
    ("A fisheries agreement was also signed with Benin by Nigeria's trade minister.", {"BEN", "NGA"}),  # not the hub
])
def test_a_deal_signed_in_the_passive_with_a_new_partner_is_the_hubs_unless_another_signed(tag, passive, third):
    doc = tag(f"Kuwait's development fund signed two loan agreements with Ghana and Togo on Monday. {passive}")
    assert parties(doc) == [{"KWT", "GHA"}, {"KWT", "TGO"}, third]


def test_it_after_a_partys_own_act_is_that_party(tag):
    doc = tag("Ghana pledged 150 scholarships a year to students from Togo. It also signed an agreement with "
              "Benin to fund fisheries research.")
    assert parties(doc) == [{"GHA", "TGO"}, {"GHA", "BEN"}]


def test_both_sides_after_a_separate_meeting_are_those_who_met(tag):
    doc = tag("Ghana and Togo signed a fisheries pact. Benin and Togo held a separate bilateral meeting on the "
              "margins. Both sides pledged to lift restrictions on trade in fresh fruit.")
    assert parties(doc) == [{"GHA", "TGO"}, {"BEN", "TGO"}]


@pytest.mark.parametrize("meeting", [
    "Kenya's president met his Ghanaian counterpart on Monday.",
    "Kenya's president held a bilateral meeting with Ghana's leader in Nairobi on Monday.",
])
def test_the_talks_after_a_meeting_are_those_who_met(tag, meeting):
    doc = tag(f"{meeting} The talks ended with the signing of four agreements on trade and health.")
    assert commitments(doc) == [({"KEN", "GHA"}, ["trade", "health"])]


@pytest.mark.parametrize("outcome", [
    "The talks also reached an agreement on trade.",
    "The talks resulted in three new trade agreements.",
])
def test_an_agreement_the_talks_reached_is_between_those_who_met(tag, outcome):
    doc = tag(f"Kenya's president met his Ghanaian counterpart on Monday. {outcome}")
    assert commitments(doc) == [({"KEN", "GHA"}, ["trade"])]


def test_what_the_agreements_a_meeting_resulted_in_include_is_theirs(tag):
    doc = tag("Kenya's president met his Ghanaian counterpart on Monday. The meeting resulted in four agreements. "
              "The agreements include a memorandum on vaccine research and a protocol on fisheries.")
    assert commitments(doc) == [({"KEN", "GHA"}, ["health", "science_technology", "agriculture"])]


@pytest.mark.parametrize("outcome", [
    "The talks resulted in the collapse of the fisheries agreement.",
    "During the visit, Safaricom and Vodacom signed an agreement to invest in a data centre.",
])
def test_an_outcome_that_is_no_agreement_or_someone_elses_act_is_not_theirs(tag, outcome):
    doc = tag(f"Kenya's president met his Ghanaian counterpart on Monday. {outcome}")
    assert doc._.commitments == []


@pytest.mark.parametrize("text", [
    "Kenya's foreign minister met his Ghanaian counterpart on Monday and urged him to sign the fisheries "
    "agreement.",
    "Kenya's foreign minister met his Ghanaian counterpart on Monday, hoping to sign the fisheries agreement.",
    "Fishermen from Kenya and Ghana gathered in Mombasa on Sunday to sign a petition against the fisheries "
    "agreement.",
    "On the sidelines of the climate conference in Dubai, Kenya's president met Ghana's president. The "
    "conference reached an agreement on a loss and damage fund.",
    "Kenya and Ghana exchanged notes over the detention of Kenyan fishermen in Ghanaian waters.",
    "India and the EU finalised the draft text of a trade agreement, which still needs approval from both sides.",
    "India and the EU aim to finalise a free trade agreement by the end of the year.",
    "Negotiators from India and the EU finalised the agenda for the next round of talks on the trade agreement.",
    "If elected, the candidate said Kenya would cooperate with Ghana.",
    "Kenya will cooperate with Ghana in the investigation into the bus crash, police said.",
    "Donors at a conference in Geneva pledged $900 million to help Malawi, Zambia and Mozambique recover from "
    "the floods. Separately, Germany pledged 50 million euros to the Green Climate Fund.",
])
def test_what_the_meeting_signing_and_pledging_rules_do_not_reach(tag, text):
    assert tag(text)._.commitments == []




@pytest.mark.parametrize("meeting", [
    "In Nairobi, Kenya's president received Ghana's foreign minister.",
    "Kenya's foreign minister called on Ghana's president in Accra on Monday.",
])
def test_a_country_whose_official_follows_a_preposition_still_acts(tag, meeting):
    assert commitments(tag(f"{meeting} The two ministers agreed to expand trade.")) == [({"KEN", "GHA"}, ["trade"])]


def test_countries_just_named_that_pledge_money_are_no_unnamed_donors(tag):
    doc = tag("Kenya and Ghana signed a fisheries pact. They also pledged $20 million to help Togo and Benin fight "
              "piracy in the Gulf of Guinea.")
    assert commitments(doc) == [({"KEN", "GHA"}, ["agriculture"]), ({"KEN", "GHA"}, ["defense", "development"])]


@pytest.mark.parametrize("meeting, met", [
    ("Kenya's president met Ghanaian officials in Accra to discuss the crisis in Togo.", {"KEN", "GHA"}),
    ("A week after Togo's election, Kenya's president held talks with Ghana's president in Accra.", {"KEN", "GHA"}),
])
def test_who_met_is_neither_where_and_why_nor_when(tag, meeting, met):
    doc = tag(f"{meeting} The talks ended with the signing of an agreement on fisheries.")
    assert commitments(doc) == [(met, ["agriculture"])]


def test_a_meeting_held_to_sign_reports_the_signature(tag):
    doc = tag("The Prime Minister of Ghana met in Geneva today with the Prime Minister of Togo, Mr Kofi Mensah, "
              "to sign a memorandum on fisheries.")
    assert commitments(doc) == [({"GHA", "TGO"}, ["agriculture"])]
    assert tag("Ghana's trade minister met his Togolese counterpart to discuss a fisheries pact.")._.commitments == []
    assert tag("Ghana and Togo to sign fisheries pact")._.commitments == []


def test_a_list_after_a_colon_is_one_clause_whatever_separates_its_items(tag):
    doc = tag("Peru and Chile signed a memorandum on development cooperation. The memorandum which was signed "
              "today encompasses a broad range of issues including: bilateral trade and investment; education, "
              "youth and human resource development; labour mobility; fisheries; health and medicines; and "
              "climate change.")
    assert commitments(doc)[-1] == ({"PER", "CHL"}, ["trade", "education_culture", "agriculture", "health",
                                                     "climate"])


def test_a_semicolon_after_a_colon_still_ends_a_clause_that_states_its_own_act(tag):
    doc = tag("The minister told reporters: Peru and Chile agreed to expand trade; Bolivia and Argentina will "
              "discuss energy next month.")
    assert commitments(doc) == [({"PER", "CHL"}, ["trade"])]


@pytest.mark.parametrize("text", [
    "Ghana said it would host a meeting between Togo and Benin on their fishing dispute.",
    "Ghana's president will visit Togo and Benin to mediate in the fishing dispute between the two neighbours.",
])
def test_a_mediator_makes_one_commitment_with_those_it_brings_together(tag, text):
    assert parties(tag(text)) == [{"GHA", "TGO", "BEN"}]


def test_several_donors_pledging_separately_make_one_commitment_each(tag):
    doc = tag("Germany, France and Italy pledged separately to send aid to Ukraine.")
    assert parties(doc) == [{"DEU", "UKR"}, {"FRA", "UKR"}, {"ITA", "UKR"}]


def test_one_donor_pledging_to_several_recipients_makes_one_commitment_each(tag):
    doc = tag("Norway pledged $40 million to Somalia for locust control, and a further $25 million to Ethiopia "
              "for seeds.")
    assert parties(doc) == [{"NOR", "SOM"}, {"NOR", "ETH"}]


def test_donors_at_a_pledging_conference_each_pledge_to_its_recipient(tag):
    doc = tag("Governments and lenders pledged $4 billion on Monday to help Malawi recover from the cyclone. "
              "Among governments, Norway pledged $300 million for reconstruction, and Japan said it would "
              "provide 20 million dollars for new bridges. Officials said Malawi's budget was stretched.")
    assert parties(doc) == [{"NOR", "MWI"}, {"JPN", "MWI"}]


def test_donors_at_a_conference_for_several_recipients_pledge_to_each_and_not_the_recipients_to_each_other(tag):
    doc = tag("Donors at a conference in Geneva committed to provide $900 million to help Malawi, Zambia and "
              "Mozambique recover from the floods. Norway pledged $120 million, and Japan promised to provide "
              "$80 million.")
    assert parties(doc) == [{"NOR", "MWI"}, {"NOR", "ZMB"}, {"NOR", "MOZ"},
                            {"JPN", "MWI"}, {"JPN", "ZMB"}, {"JPN", "MOZ"}]


def test_money_one_government_gives_another_is_aid_unless_a_loan(tag):
    assert commitments(tag("Norway will provide up to $15 million to Malawi to strengthen its power grid.")) == [
        ({"NOR", "MWI"}, ["energy", "development"])]
    assert commitments(tag("Norway will provide a $15 million loan to Malawi for its power grid.")) == [
        ({"NOR", "MWI"}, ["finance", "energy"])]
    doc = tag("Norway and Malawi signed an energy pact. Oslo will also provide 90 million kroner to support "
              "the country's five-year plan.")
    assert commitments(doc)[-1] == ({"NOR", "MWI"}, ["development"])
    doc = tag("Norway and Malawi signed an energy pact. Oslo will also donate 90 million kroner to finance "
              "future projects.")
    assert commitments(doc)[-1] == ({"NOR", "MWI"}, ["development"])
    doc = tag("Norway and Malawi signed an energy pact. Norwegian engineers said they would share their experience.")
    assert len(doc._.commitments) == 1


def test_a_pledge_to_a_recipient(tag):
    assert commitments(tag("Japan pledged $500 million in aid to Ukraine.")) == [({"JPN", "UKR"}, ["development"])]


def test_a_stated_plan_with_a_counterpart(tag):
    doc = tag("South Korea will strengthen strategic cooperation with the U.S. on space development.")
    assert commitments(doc) == [({"KOR", "USA"}, ["space"])]


@pytest.mark.parametrize("follow_on", [
    "Both countries also pledged to cut tariffs.",
    "The two sides also pledged to cut tariffs.",
    "They also pledged to cut tariffs.",
    "The ministers also pledged to cut tariffs.",
    "Santiago also pledged to cut tariffs.",
])
def test_follow_on_sentences_keep_the_parties_in_force(tag, follow_on):
    doc = tag(f"Chile and the EU signed a lithium pact. {follow_on}")
    assert parties(doc) == [{"CHL", "EUU"}, {"CHL", "EUU"}]
    assert doc._.commitments[1].sectors == ["trade"]


def test_countries_after_a_referring_subjects_act_are_what_it_is_about(tag):
    doc = tag("Chile and Peru signed a fisheries pact. The two sides also agreed to cut their reliance on "
              "fertiliser imports from China.")
    assert parties(doc) == [{"CHL", "PER"}, {"CHL", "PER"}]


@pytest.mark.parametrize("sentence, expected", [
    ("Peru and Chile agreed to expand trade, while also deepening cooperation on fisheries.",
     ["trade", "agriculture"]),
    ("Peru and Chile agreed to expand trade, while Bolivia will build a railway.", ["trade"]),
    ("Peru and Chile agreed to expand trade, although fisheries remain disputed.", ["trade"]),
])
def test_a_clause_that_goes_on_with_the_commitment_adds_its_fields(tag, sentence, expected):
    assert [c.sectors for c in tag(sentence)._.commitments][0] == expected


def test_one_of_several_documents_just_signed_commits_their_parties(tag):
    doc = tag("Brazil and India signed six agreements on Monday. Another commits the two countries to "
              "cooperate on renewable energy.")
    assert commitments(doc)[-1] == ({"BRA", "IND"}, ["energy"])


def test_a_follow_on_that_names_no_field_restates_and_is_not_reported(tag):
    doc = tag("Chile and Peru signed a fisheries pact. The two sides also agreed to stay in close touch.")
    assert commitments(doc) == [({"CHL", "PER"}, ["agriculture"])]


def test_the_two_countries_means_the_last_pair_not_a_larger_group(tag):
    doc = tag("Israel, the UAE and Bahrain signed accords. Under its treaty with the UAE, Israel agreed to "
              "open an embassy. The two countries also committed to cooperate on tourism.")
    assert parties(doc)[-1] == {"ISR", "ARE"}


def test_a_deal_named_with_its_members_completes_a_lone_party(tag):
    doc = tag("Kenya will receive $2 billion from wealthy governments to quit diesel. The Green Partnership "
              "brings together Kenya with Norway, Denmark and the European Union.")
    assert parties(doc) == [{"KEN", "NOR", "DNK", "EUU"}]


def test_a_group_named_by_its_members_is_not_what_they_commit_next(tag):
    # The members of a group describe it: "they" after the list are the pair acting, not the group.
    doc = tag("Ghana and Togo signed a power deal. The West African Power Pool, whose members include "
              "Ghana, Togo, Benin and Niger, welcomed the agreement. They also agreed to link their grids.")
    assert parties(doc) == [{"GHA", "TGO"}, {"GHA", "TGO"}]


@pytest.mark.parametrize("follow_on, expected", [
    ("The memorandum is aimed at closer ties in the areas of trade, science and culture.",
     [({"PER", "CAN"}, ["trade", "science_technology", "education_culture"])]),
    ("The memorandum comes months after a row over mining licences.", []),
    ("They also discussed fisheries.", []),
    ("The focus is on rural clinics and village schools.", [({"PER", "CAN"}, ["health", "education_culture"])]),
    ("Bolivia hopes for a similar programme on rural clinics.", []),
    ("Earlier, the minister visited a school for nurses in Lima.", []),
    ("\"It is a start,\" the minister said. The focus is on rural clinics.", [({"PER", "CAN"}, ["health"])]),
    ("Chile is watching closely. The focus is on rural clinics.", []),
    ("\"It is a start,\" the minister said. The two peoples share deep ties.", []),
    ("Mining firms have lodged complaints about its trade terms.", []),
    ("Canada delivered 5,000 tonnes of wheat to Peru last year as a gift.", []),
    ("Two-way trade in minerals totalled $2 billion in 2022.", []),
    ("Mining trade grew sharply last year.", []),
    ("The focus is on doubling mining trade in 2030.", [({"PER", "CAN"}, ["critical_minerals", "trade"])]),
    ("The visit closed with a commitment to double Canadian government scholarships for Peruvian students.",
     [({"PER", "CAN"}, ["education_culture"])]),
])
def test_what_a_sentence_after_the_deal_says_it_covers(tag, follow_on, expected):
    doc = tag(f"Peru and Canada signed a memorandum on Monday. {follow_on}")
    assert commitments(doc)[1:] == expected


def test_a_sentence_that_says_what_the_deal_covers_adds_its_sectors(tag):
    doc = tag("Peru and Canada agreed to deepen cooperation. The talks highlighted mining and fisheries.")
    assert commitments(doc)[-1] == ({"PER", "CAN"}, ["critical_minerals", "agriculture"])


@pytest.mark.parametrize("text", [
    "Biden called on Japan and Korea to sign a chip deal.",
    "The EU urged China and Russia to agree on a ceasefire.",
    "Analysts said Brazil and Argentina could sign a trade pact next year.",
    "Officials said India and Japan may decide to cooperate on rail.",
    "France and Italy are considering a joint bid for the satellite project.",
    "Spain and Morocco are in talks on a fisheries agreement.",
    "Ghana and Togo failed to reach agreement on the border.",
    "Canada and Mexico did not sign the energy deal.",
    "China criticised the pact between Australia and Japan.",
    "Iran threatened to cut oil supplies to Turkey unless Ankara paid its debts.",
    "Egypt warned Ethiopia that it would defend its water rights.",
    "Critics said the deal between Chile and Peru would hurt farmers.",
    "Poland and Hungary are expected to sign a gas deal.",
    "If Kenya and Uganda agree on the route, the railway could open in 2030.",
    "Peru and Bolivia to sign lithium pact next month",
    "Peru and Bolivia signed nothing as the lithium talks stalled.",
    "Peru and Bolivia agreed on little at the lithium talks.",
    "Peru and Bolivia signed no new lithium deals.",
    "Peru and Bolivia agree that the lithium price slump is a threat to their economies.",
    "China and Russia sign energy deals every year, analysts say.",
    "Chile and Peru agree on fisheries quotas each spring, analysts say.",
    "Kenya and Uganda were due to sign a pipeline deal on Monday, but the ceremony was postponed.",
    "Brazil declined to sign the forest declaration that Colombia and Peru had drafted.",
    "Mexico proposed to set up a joint fund for migrants with Guatemala, but no agreement was reached.",
    "Japan and the Philippines are expected to sign a defence pact later this year.",
    "Vietnam is ready to join the grid project with Laos if funding is secured.",
    "Ghana and Nigeria failed to agree on a common currency timetable.",
    "Zambia and Angola agreed in principle to explore a railway link, officials said.",
    "Australia said it would consider a request from Fiji for patrol boats.",
    "Kenya and Uganda hold talks this week on a new pipeline agreement.",
    "Brazil and Argentina were supposed to sign a gas pipeline agreement last week.",
    "Brazil and Argentina are close to signing a gas pipeline agreement.",
    "Brazil and Argentina are working towards signing a gas pipeline agreement.",
    "Brazil and Argentina postponed signing a gas pipeline agreement.",
    "Brazil and Argentina aim to sign a gas pipeline agreement by June.",
    "India has decided to delay the signing of its defence agreement with Sri Lanka, diplomats said.",
    "The pipeline deal that Kenya and Uganda signed in 2016 lapsed two years later.",
    "Kenya withdrew from the pipeline agreement it signed with Uganda in 2016.",
    "Kenya and Uganda held talks. The ministers noted that an earlier arrangement on rail transport, signed in "
    "2016, had expired without being renewed.",
    "Peru's trade minister said Lima would join a Chilean lithium scheme only if the contracts went to local "
    "firms, a condition Bolivia has resisted.",
    "Peru and Chile are poised to expand cooperation on lithium.",
    "Peru and Chile are on track to conclude negotiations on a lithium partnership by December.",
    "Trade ministers from Kenya and Uganda held their first talks in years on a possible trade agreement.",
    "Ghana's foreign minister will pay an official visit to Togo from July 24 to 28.",
    "Ghana and Togo held talks. The two sides will exchange views on bilateral relations and trade.",
    "The signing of the agreement between Kenya and Ghana was postponed.",
    "The signing of the fisheries agreement between Kenya and Ghana was held up by a dispute over quotas.",
    "The signing of the fisheries agreement between Kenya and Ghana never took place.",
    "Kenya held a signing ceremony for the new football coach from Ghana.",
])
def test_calls_hedges_failures_refusals_criticism_threats_and_talk_are_not_commitments(tag, text):
    assert tag(text)._.commitments == []


@pytest.mark.parametrize("text", [
    "Canada will build 400,000 homes and pledged to cut taxes for renters.",
    "Djokovic vowed to return next year to win the title.",
    "Toyota and Honda agreed to share battery technology.",
    "Nippon Steel, Japan's largest steelmaker, agreed to buy a U.S. mill.",
    "The private sectors of Kenya and Ghana signed 12 memoranda on energy at a business forum.",
    "Kenyan and Ghanaian businessmen signed 12 memoranda on energy at a business forum.",
])
def test_domestic_plans_personal_vows_and_company_deals_are_not_commitments(tag, text):
    assert tag(text)._.commitments == []


@pytest.mark.parametrize("text, expected", [
    ("Australia donated two patrol boats to Fiji last year.", []),
    ("The last of four patrol boats built in Australia was handed over to Fiji on Wednesday.", []),
    ("Soldiers from Fiji and Australia held joint drills last year.", []),
    ("Fiji and Australia agreed to hold joint drills every year.", [({"FJI", "AUS"}, ["defense"])]),
    ("Japan delivered 5,000 tonnes of rice to Cuba in May as a gift.", []),
    ("Australia will donate two patrol boats to Fiji.", [({"AUS", "FJI"}, ["development", "defense"])]),
    ("Japan pledged to deliver 5,000 tonnes of rice to Cuba.", [({"JPN", "CUB"}, ["agriculture"])]),
])
def test_aid_already_given_is_an_activity_and_aid_still_to_give_a_commitment(tag, text, expected):
    assert commitments(tag(text)) == expected


@pytest.mark.parametrize("company_deal", [
    "At a business forum later, a Peruvian mining group and a Chilean state power company signed a contract to "
    "build a solar plant, watched by the two presidents.",
    "In 2019 Chile agreed with a German company to mine lithium.",
    "A Chilean mining company will build a smelter in Peru.",
])
def test_a_company_deal_after_a_state_deal_does_not_inherit_its_parties(tag, company_deal):
    doc = tag("Peru and Chile signed a port deal. " + company_deal)
    assert commitments(doc) == [({"PER", "CHL"}, ["infrastructure"])]


@pytest.mark.parametrize("text, expected", [
    ("Japan will expand the health aid it provided to Peru last year.", [({"JPN", "PER"}, ["health"])]),
    ("A new rail agreement, signed by Kenya and Uganda on Monday, replaces one that expired in 2020.",
     [({"KEN", "UGA"}, ["infrastructure"])]),
])
def test_a_word_of_condition_or_ending_elsewhere_in_the_sentence_leaves_the_act(tag, text, expected):
    assert commitments(tag(text)) == expected


def test_a_country_that_is_only_the_object_or_context_is_not_a_party(tag):
    doc = tag("Vietnam and Japan agreed to diversify supply chains away from China, although Russia objected.")
    assert parties(doc) == [{"VNM", "JPN"}]


def test_a_deal_between_others_is_the_object_not_a_counterpart(tag):
    doc = tag("Germany and Brazil said they would push to conclude the trade agreement between the European "
              "Union and Mercosur.")
    assert parties(doc) == [{"DEU", "BRA"}]


def test_a_circumstance_clause_adds_no_sector(tag):
    doc = tag("Australia and Korea agreed to cooperate on lithium, as Moon became the first leader to visit "
              "since the pandemic.", "2021-12-13")
    assert commitments(doc) == [({"AUS", "KOR"}, ["critical_minerals"])]


@pytest.mark.parametrize("text, expected", [
    ("Japan's minister of economy, trade and industry signed a memorandum with Finland on quantum computing.",
     [({"JPN", "FIN"}, ["quantum"])]),
    ("Saudi Arabia's energy ministry signed a memorandum with Greece.", [({"SAU", "GRC"}, ["energy"])]),
    ("Korea's science and ICT minister signed a chip pact with Finland.", [({"KOR", "FIN"}, ["semiconductors"])]),
    ("The Ministry of Health of Ghana signed a memorandum with Togo.", [({"GHA", "TGO"}, ["health"])]),
    ("The Ministry of Health of Ghana signed a memorandum on fisheries with Togo.",
     [({"GHA", "TGO"}, ["agriculture"])]),
    ("Finland and Korea agreed on a chip pact and on energy, ministers said.",
     [({"FIN", "KOR"}, ["semiconductors", "energy"])]),
    ("The defence ministers of Kenya and Uganda will establish a joint command under the new pact.",
     [({"KEN", "UGA"}, ["defense"])]),
])
def test_an_offices_field_is_the_deals_only_when_the_deal_names_none(tag, text, expected):
    assert commitments(tag(text)) == expected


def test_financial_instruments_are_not_the_sector(tag):
    doc = tag("Norway and Brazil committed to mobilise climate finance in the form of grants and loans.")
    assert commitments(doc) == [({"NOR", "BRA"}, ["climate"])]


@pytest.mark.parametrize("text", [
    "Peru and Bolivia agreed to cut lithium tariffs no later than May.",
    "Peru and Bolivia signed a few lithium agreements.",
    "Peru and Bolivia agreed to sign a lithium pact.",
    "Peru and Bolivia agreed that Peru would buy Bolivian lithium.",
    "Peru and Bolivia agreed that lithium cooperation should be a priority.",
])
def test_bounds_and_quantities_do_not_deny_the_act(tag, text):
    assert parties(tag(text)) == [{"PER", "BOL"}]


def test_diplomacy_only_when_nothing_substantive_is_named(tag):
    assert commitments(tag("Israel and Bahrain agreed to open embassies and to cooperate on tourism.")) == [
        ({"ISR", "BHR"}, ["education_culture"])]
    assert commitments(tag("Israel and Bahrain agreed to open embassies, and to cooperate on tourism.")) == [
        ({"ISR", "BHR"}, ["diplomacy", "education_culture"])]


def test_two_countries_that_will_cooperate_on_nothing_named_make_a_diplomacy_commitment(tag):
    assert commitments(tag("Fiji and Tonga will continue to collaborate on issues of common interest.")) == [
        ({"FJI", "TON"}, ["diplomacy"])]
    assert tag("Fiji will continue to collaborate on issues of common interest.")._.commitments == []
    assert tag("Fiji's prime minister will visit Tonga next month.")._.commitments == []


def test_a_standing_dialogue_channel_is_diplomacy_beside_another_field(tag):
    doc = tag("Peru and Chile agreed to expand student exchanges, and to meet at summit level every two years.")
    assert commitments(doc) == [({"PER", "CHL"}, ["education_culture", "diplomacy"])]


def test_a_trip_counts_only_with_an_act_as_its_purpose(tag):
    assert parties(tag("Ghana's president will visit Togo and Benin to mediate in the dispute.")) == [
        {"GHA", "TGO"}, {"GHA", "BEN"}]
    assert tag("Ghana's president will visit Togo next month.")._.commitments == []


def test_evidence_is_the_sentence_with_its_offsets_type_and_confidence(tag):
    text = "Intro line here.\n\nJapan and India signed a memorandum on cybersecurity. Other news."
    commitment = tag(text)._.commitments[0]
    assert commitment.evidence == "Japan and India signed a memorandum on cybersecurity."
    assert text[commitment.start_char:commitment.end_char] == commitment.evidence
    assert commitment.commitment_type == "agreement"
    assert 0 < commitment.confidence <= 1


@pytest.mark.parametrize("text, kind", [
    ("Japan and Peru signed a memorandum on fisheries.", "agreement"),
    ("Japan pledged $20 million to Peru for schools.", "pledge"),
    ("In a joint statement, Japan and Peru vowed to protect forests.", "joint_statement"),
    ("Japan will expand cooperation with Peru on mining.", "plan"),
])
def test_commitment_types(tag, text, kind):
    assert tag(text)._.commitments[0].commitment_type == kind
