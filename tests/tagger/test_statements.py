"""The shapes real statements take (issue 16): signatory lists, joint-statement items, hedges,
companies and the members of a group. Every sentence is made up for the test."""
import pytest


def parties_by_sentence(doc) -> list[set[str]]:
    return [set(c.parties) for c in doc._.commitments]


def commitments(doc) -> list[tuple[set[str], list[str]]]:
    return [(set(c.parties), c.sectors) for c in doc._.commitments]


# Real phrasing: joint statements, their preambles and the items they list.

def test_a_joint_statement_lists_what_the_leaders_decided_item_by_item(tag):
    doc = tag("The Prime Ministers of Ghana, Togo and Benin met in Lome for their first summit.\n\n"
              "Recognizing that the three countries share a coast and a history of trade;\n\n"
              "The Prime Ministers have decided to:\n\n"
              "1. Deepen cooperation on fisheries and food security.\n\n"
              "2. Build a coastal railway linking their capitals.\n\n"
              "3. The Prime Ministers thanked their hosts.")
    # "have decided to:" itself names no field: its items are what is reported.
    assert commitments(doc) == [({"GHA", "TGO", "BEN"}, ["agriculture"]),
                                ({"GHA", "TGO", "BEN"}, ["infrastructure"])]


@pytest.mark.parametrize("opening", [
    "The Government of Ghana and the Government of Togo,",
    "The President of Ghana received the President of Togo in Accra.\n\nThe two Presidents,",
])
def test_a_decision_after_a_preamble_is_the_authors_named_above_it(tag, opening):
    doc = tag(f"{opening}\n\n"
              "Recognising their friendship and their shared history with Benin;\n\n"
              "Concerned by floods along the coast;\n\n"
              "have decided to:\n\n"
              "a) Build a coastal railway;\n\n"
              "b) Cooperate on fisheries.")
    assert commitments(doc)[-2:] == [({"GHA", "TGO"}, ["infrastructure"]), ({"GHA", "TGO"}, ["agriculture"])]


@pytest.mark.parametrize("verb, codes", [("co-operate on solar power", ["energy"]),
                                         ("co-fund research on malaria vaccines", ["science_technology", "health"])])
def test_a_hyphenated_verb_after_will_is_a_stated_plan(tag, verb, codes):
    assert commitments(tag(f"Britain and Kenya will {verb}.")) == [({"GBR", "KEN"}, codes)]


def test_small_pledges_at_a_donor_conference_go_to_its_recipient(tag):
    doc = tag("Donors pledged $2 billion to help Malawi rebuild after the floods. Montenegro pledged 10,000 dollars "
              "and Iceland pledged $250,000.")
    assert commitments(doc) == [({"MNE", "MWI"}, ["development"]), ({"ISL", "MWI"}, ["development"])]


def test_an_amount_of_purchases_is_trade_not_aid(tag):
    doc = tag("China pledged $150 billion of farm purchases to expand trade with the US.")
    assert commitments(doc) == [({"CHN", "USA"}, ["agriculture", "trade"])]


@pytest.mark.parametrize("text", [
    "Kenya and Ghana held a signing ceremony for an agreement on fisheries.",
    "The signing of the agreement on fisheries between Kenya and Ghana took place in Nairobi.",
    "The signing ceremony of the memorandum on fisheries between Kenya and Ghana took place in Accra.",
    "The foreign minister of Kenya presided over the signing of a memorandum on fisheries with his Ghanaian "
    "counterpart.",
    "Kenya and Ghana held a signing ceremony for the Exchange of Notes on fisheries.",
    "The presidents of Kenya and Ghana presided over the exchange of three memoranda of understanding on "
    "fisheries.",
    "The ministers of Kenya and Ghana witnessed the exchange of two cooperation documents on fisheries.",
])
def test_a_signing_reported_as_a_ceremony_or_an_event(tag, text):
    assert commitments(tag(text)) == [({"KEN", "GHA"}, ["agriculture"])]


@pytest.mark.parametrize("result, expected", [
    ("The negotiations resulted in the signing of a plan of military cooperation.", [({"GHA", "TGO"}, ["defense"])]),
    ("The talks resulted in no agreement.", []),
])
def test_talks_held_between_two_states_are_theirs_and_so_is_what_they_resulted_in(tag, result, expected):
    doc = tag(f"Talks between the defence ministries of Ghana and Togo have been recently held in Accra. {result}")
    assert commitments(doc) == expected


def test_a_leader_witnessing_the_signing_of_the_deal_in_force_reports_all_its_signatories(tag):
    doc = tag("Ghana, Togo and Benin signed a new partnership in Lomé on Friday. Ghana's vice president "
              "witnessed the signing of the partnership to expand cooperation in ports and fisheries.")
    assert commitments(doc) == [({"GHA", "TGO", "BEN"}, []), ({"GHA", "TGO", "BEN"}, ["infrastructure", "agriculture"])]


@pytest.mark.parametrize("signing, expected", [
    ("On Saturday, Ghana's finance minister witnessed the signing of a loan agreement for a hospital in Kumasi.", []),
    ("The presidents of Ghana and Togo praised the signing of a fisheries memorandum between Nigeria and Benin.",
     [({"NGA", "BEN"}, ["agriculture"])]),
])
def test_a_signing_of_another_deal_is_not_the_one_in_force(tag, signing, expected):
    doc = tag(f"Ghana, Togo and Benin signed a new partnership in Lomé on Friday. {signing}")
    assert commitments(doc)[1:] == expected


@pytest.mark.parametrize("text", [
    "The presidents of Kenya and Ghana presided over an exchange of views on fisheries.",
    "The ministers of Kenya and Ghana witnessed the exchange of students in fisheries cooperation.",
    "The ministers of Kenya and Ghana held an exchange of cooperation experience in fisheries.",
])
def test_an_exchange_of_anything_but_documents_is_no_signing(tag, text):
    assert commitments(tag(text)) == []


@pytest.mark.parametrize("text", [
    "Following Nairobi, Peru and Chile agreed to cooperate on fisheries.",
    "Peru and Chile signed a fisheries pact to the alarm of Ecuador.",
])
def test_a_place_visited_before_or_a_country_alarmed_is_no_party(tag, text):
    assert commitments(tag(text)) == [({"PER", "CHL"}, ["agriculture"])]


def test_documents_signed_after_talks_between_two_leaders_are_theirs(tag):
    doc = tag("Several documents were signed following the talks between the Kenyan President and his Ghanaian "
              "counterpart. They included an agreement on fisheries.")
    assert commitments(doc) == [({"KEN", "GHA"}, []), ({"KEN", "GHA"}, ["agriculture"])]
    assert tag("Several documents were signed by Kenyan and Ghanaian companies after the talks.")._.commitments == []


def test_announcing_an_amount_for_a_partner_is_a_pledge(tag):
    assert commitments(tag("Norway announced 40 million dollars in aid to Malawi for school meals.")) == [
        ({"NOR", "MWI"}, ["development", "education_culture"])]
    assert tag("Norway announced a new ambassador to Malawi.")._.commitments == []
    assert tag("China announced tariffs on $50 billion of goods from Malawi.")._.commitments == []


def test_a_leader_speaking_of_his_counterpart_and_i_commits_both_states(tag):
    doc = tag("Ghana and Togo share a long border and a long history. President Gnassingbé and I agreed today to build "
              "a coastal railway.")
    assert commitments(doc) == [({"GHA", "TGO"}, ["infrastructure"])]
    doc = tag("Ghana and Togo share a long border. Under Phase I of its plan, Ghana will build a new port at Tema.")
    assert parties_by_sentence(doc) == []


def test_the_parties_an_agreement_defines_are_those_its_articles_bind(tag):
    doc = tag("AGREEMENT ON FISHERIES\n\n"
              "The Government of Ghana and the Government of Togo (hereinafter referred to as \"the Parties\");\n\n"
              "Considering their long friendship;\n\n"
              "Have reached the following understanding:\n\n"
              "Article 1\n\n"
              "The Parties shall cooperate in fisheries and aquaculture.")
    assert commitments(doc)[-1] == ({"GHA", "TGO"}, ["agriculture"])


def test_a_sentence_that_opens_like_a_preamble_may_state_the_decision(tag):
    doc = tag("Peru and Chile signed a joint declaration on Monday. "
              "Recognising the importance of tourism, we decided to launch a joint tourism campaign.")
    assert commitments(doc)[-1] == ({"PER", "CHL"}, ["education_culture"])


def test_a_preamble_states_grounds_not_acts(tag):
    doc = tag("Noting that Peru and Chile have agreed to cooperate on fisheries for a decade;")
    assert doc._.commitments == []


@pytest.mark.parametrize("first, second", [("• ", "• "), ("(a) ", "(b) ")])
def test_a_bulleted_or_lettered_list_after_the_two_sides_will(tag, first, second):
    doc = tag("Fiji and Japan signed an action plan on Monday. Under the plan, the two sides will:\n"
              f"{first}cooperate on climate adaptation;\n"
              f"{second}expand scholarships for students.")
    assert commitments(doc)[-2:] == [({"FJI", "JPN"}, ["climate"]), ({"FJI", "JPN"}, ["education_culture"])]


def test_list_items_may_open_with_an_infinitive(tag):
    doc = tag("Peru and Ecuador listed what they had agreed:\n"
              "- to build a bridge over the border river;\n"
              "- to cooperate on fisheries.")
    assert commitments(doc)[-2:] == [({"PER", "ECU"}, ["infrastructure"]), ({"PER", "ECU"}, ["agriculture"])]


def test_a_threat_word_inside_an_item_does_not_undo_its_act(tag):
    doc = tag("Peru and Ecuador signed a border plan. Under it, the two sides will:\n"
              "(a) cooperate on adapting to climate change, including through an early warning system for floods;\n"
              "(b) urge other states to join the plan.")
    assert commitments(doc)[-1] == ({"PER", "ECU"}, ["climate"])


def test_a_list_of_signed_instruments_by_title(tag):
    doc = tag("The Prime Minister of Peru and the President of Ecuador met in Lima. The Leaders witnessed the "
              "signing and exchange of the following instruments:\n"
              "(a) Memorandum of Understanding on Cooperation in the Field of Health between the Ministry of "
              "Health of Peru and the Ministry of Public Health of Ecuador;\n"
              "(b) Agreement on Fisheries between the two Governments.")
    assert commitments(doc)[-2:] == [({"PER", "ECU"}, ["health"]), ({"PER", "ECU"}, ["agriculture"])]


SIGNED_LIST = [({"PER", "ECU"}, ["agriculture"]), ({"PER", "ECU"}, ["education_culture"])]


@pytest.mark.parametrize("opening, expected", [
    ("The set of documents signed today includes nine agreements:", SIGNED_LIST),
    ("Key agreements and memoranda exchanged included:", SIGNED_LIST),
    ("The agreements still being negotiated are:", []),
    ("The set of documents to be signed next month includes nine agreements:", []),
    ("Agreements already in force between the two countries include:", []),
])
def test_a_line_on_instruments_opens_a_list_of_signed_ones_unless_unsigned_or_in_force(tag, opening, expected):
    doc = tag(f"The presidents of Peru and Ecuador held talks in Quito. {opening}\n"
              "- Agreement on cooperation in the field of fisheries;\n"
              "- Protocol on the exchange of teachers between public universities.")
    assert commitments(doc) == expected


def test_protocols_and_conventions_are_instruments_of_a_signed_list(tag):
    doc = tag("The following instruments were signed between the Government of Peru and the Government of "
              "Ecuador:\n"
              "- Protocol on the exchange of teachers between public universities.\n"
              "- Convention on the avoidance of double taxation.\n"
              "- Memorandum of Understanding on wind power for border villages.")
    assert commitments(doc)[-3:] == [({"PER", "ECU"}, ["education_culture"]), ({"PER", "ECU"}, ["trade"]),
                                     ({"PER", "ECU"}, ["energy"])]


def test_a_list_of_outcomes_announced_by_the_following_documents(tag):
    doc = tag("The President of Peru paid a state visit to Ecuador. The following documents were signed in the "
              "presence of the President of Peru and the President of Ecuador.\n"
              "1. Joint Declaration on the Strategic Partnership between Peru and Ecuador.\n"
              "Signed by: the two Presidents.\n"
              "2. Memorandum of Understanding on cooperation in fisheries and aquaculture.\n"
              "Signed by: the Ministers of Production.\n"
              "Both Presidents later visited a school.")
    assert commitments(doc) == [({"PER", "ECU"}, ["diplomacy"]), ({"PER", "ECU"}, ["agriculture"])]


@pytest.mark.parametrize("text", [
    "The protocol on fisheries was signed by Ghana and Togo.",
    "A separate protocol on fisheries was signed only by Ghana and Togo.",
])
def test_a_document_signed_by_its_parties_in_the_passive(tag, text):
    assert commitments(tag(text)) == [({"GHA", "TGO"}, ["agriculture"])]


def test_an_agreement_between_companies_commits_no_state_whoever_watches(tag):
    doc = tag("The Prime Minister of Peru and the President of Ecuador met in Lima. The Leaders also welcomed the "
              "signing of several commercial agreements between Peruvian and Ecuadorian companies in fisheries.")
    assert doc._.commitments == []


def test_an_infinitive_item_may_open_with_any_verb(tag):
    doc = tag("Peru and Ecuador listed what they had agreed:\n"
              "- To speed up the repair of telecoms cables;\n"
              "- to mend the fishing fleet's nets;\n"
              "- to fund joint research on ocean sensors.")
    assert commitments(doc)[-3:] == [({"PER", "ECU"}, ["digital"]), ({"PER", "ECU"}, ["agriculture"]),
                                     ({"PER", "ECU"}, ["science_technology"])]


def test_an_item_to_explore_commits_to_nothing_and_the_list_goes_on(tag):
    doc = tag("The Government of Peru and the Government of Ecuador,\n"
              "Noting their long friendship;\n"
              "have decided to:\n"
              "- establish a working group on fisheries;\n"
              "- explore the possibility of joint research on lithium;\n"
              "- exchange information on their vaccine programmes.")
    assert commitments(doc)[-2:] == [({"PER", "ECU"}, ["agriculture"]), ({"PER", "ECU"}, ["health"])]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Chile's foreign minister received his Peruvian counterpart in Santiago on Monday. "
                 "The ministers discussed the border. They agreed to set up a working group on fisheries.",
                 [({"CHL", "PER"}, ["agriculture"])], id="a_readout_agreement_by_those_just_named_together"),
    pytest.param("1. At the invitation of the President of Ghana, the President of Kenya paid a state visit to Ghana.\n"
                 "2. The two Presidents held talks and agreed to expand cooperation in trade and agriculture.",
                 [({"GHA", "KEN"}, ["trade", "agriculture"])], id="talks_held_before_the_agreement_do_not_hide_it"),
    pytest.param("The President of Chile is on a state visit to Peru. The two leaders held talks at the palace. "
                 "The visit was the first in a decade. Talks lasted two hours. A dinner followed. "
                 "The two sides agreed to set up a working group on fisheries.",
                 [({"CHL", "PER"}, ["agriculture"])], id="sentences_naming_no_other_actor_keep_the_pair_in_reach"),
    pytest.param("Minister Ana Ruiz and Secretary Tomas Vela highlighted trade between Chile and Peru. "
                 "The Minister and the Secretary agreed to set up a working group on fisheries.",
                 [({"CHL", "PER"}, ["agriculture"])], id="two_officials_named_by_title_are_those_just_named"),
    pytest.param("Peru's foreign minister welcomed Chile's foreign minister to Lima. The Minister and the Secretary "
                 "announced that their governments have reached agreement on a fisheries treaty.",
                 [({"CHL", "PER"}, ["agriculture"])], id="reaching_agreement_is_as_explicit_as_agreeing"),
    pytest.param("Chile and Peru have finalised a fisheries agreement, which the ministers will sign in May.",
                 [({"CHL", "PER"}, ["agriculture"])], id="finalising_an_agreement_is_reaching_it"),
    pytest.param("Chile and Peru announced they have finalized the Chile-Peru Joint Action Plan on Fisheries "
                 "Cooperation.", [({"CHL", "PER"}, ["agriculture"])], id="finalising_a_plan_named_at_length"),
    pytest.param("Chile and Peru finalised plans for the summit.", [], id="finalising_plans_for_a_meeting_is_not"),
    pytest.param("Chile and Peru finalised plans to sign a fisheries agreement next month.", [],
                 id="finalising_plans_to_sign_is_not_signing"),
    pytest.param("Chile's minister briefed Peru's minister on Chile's plans to host a conference on fisheries.",
                 [], id="a_plan_named_as_a_noun_is_no_predicate"),
    pytest.param("Later, Chile's minister witnessed the signing of an offtake agreement between the Chilean mining "
                 "company Andes Litio and a Peruvian battery producer.",
                 [], id="a_company_deal_signed_before_ministers_has_no_state_parties"),
])
def test_a_readout_commits_the_countries_it_named_and_no_others(tag, text, expected):
    assert commitments(tag(text)) == expected


def test_the_sides_just_named_together_stay_in_force(tag):
    doc = tag("ASTANA, May 4 - The two republics agreed to restore diplomatic relations, after Kazakhstan's "
              "president received the leader of Mongolia. Officials were pleased. Journalists asked about prices. "
              "The weather was cold. The two sides also pledged to expand trade.")
    assert commitments(doc) == [({"KAZ", "MNG"}, ["diplomacy"]), ({"KAZ", "MNG"}, ["trade"])]


def test_they_does_not_reach_back_past_other_actors_or_a_wrong_count(tag):
    far = tag("Chile's foreign minister received his Peruvian counterpart on Monday. Bolivia protested. "
              "Argentina's envoy left. Brazil stayed silent. Ecuador called for calm. "
              "They agreed to cooperate on fisheries.")
    assert far._.commitments == []
    count = tag("Chile, Peru and Bolivia sent ministers to the meeting. "
                "The two ministers agreed to cooperate on fisheries.")
    assert count._.commitments == []


@pytest.mark.parametrize("sentence, expected", [
    ("The leaders agreed to speak again soon.", []),
    ("The ministers agreed to identify new dates for the strategic dialogue.", []),
    ("The ministers agreed to hold the strategic dialogue every year.", [({"CHL", "PER"}, ["diplomacy"])]),
])
def test_a_meeting_set_once_is_a_schedule_a_standing_one_a_channel(tag, sentence, expected):
    doc = tag(f"Chile and Peru agreed to restore diplomatic ties on Monday. {sentence}")
    assert commitments(doc)[1:] == expected


def test_putting_off_a_measure_is_an_act_putting_off_the_deal_is_not(tag):
    assert commitments(tag("China and the United States agreed to suspend most of their tariffs.")) == [
        ({"CHN", "USA"}, ["trade"])]


def test_a_commitment_named_as_a_noun_with_its_parties(tag):
    doc = tag("The talks produced a commitment by Chile and Peru to cooperate on fisheries.")
    assert commitments(doc) == [({"CHL", "PER"}, ["agriculture"])]


def test_a_journalists_question_states_no_commitment(tag):
    doc = tag("The spokesperson opened the briefing.\n\n"
              "Q: A newspaper reported that Chile and Peru signed a secret fisheries pact. Can you confirm it?\n\n"
              "A: I am not aware of it.\n\n"
              "Have Bolivia and Peru agreed to build the railway?")
    assert doc._.commitments == []


def test_an_answer_after_a_question_is_read_again(tag):
    doc = tag("Q: What did the ministers decide?\n\nA: Chile and Peru agreed to cooperate on fisheries.")
    assert commitments(doc) == [({"CHL", "PER"}, ["agriculture"])]


# Party lists: signatories named apart from the act, holdouts, companies, lone members.

def test_signatories_of_a_passive_signature_are_the_parties_that_follow_on(tag):
    doc = tag("The coastal charter was signed by the presidents of Ghana and Togo and by the prime minister of "
              "Benin, who hosted the meeting. The three signatories pledged to build a coastal railway.")
    assert parties_by_sentence(doc)[-1] == {"GHA", "TGO", "BEN"}


def test_a_group_named_before_its_members_waits_for_them(tag):
    doc = tag("West African leaders agreed on Friday to build a coastal railway. The accord was adopted by "
              "Ghana, Togo and Benin.")
    assert commitments(doc)[0] == ({"GHA", "TGO", "BEN"}, ["infrastructure"])


def test_members_listed_after_among_join_the_party_named_first(tag):
    doc = tag("Estonia and four other countries signed a declaration on cyber defence. Among the five were "
              "Latvia, Lithuania, Poland and Finland. The signatories pledged to share threat data.")
    assert parties_by_sentence(doc)[-1] == {"EST", "LVA", "LTU", "POL", "FIN"}


def test_signatories_named_by_ellipsis_and_by_proxy(tag):
    doc = tag("Chile and Peru accepted the final wording and signed, as did Ecuador and Bolivia. Josep Borrell "
              "signed for the EU. The signatories committed to protect the Amazon.")
    assert parties_by_sentence(doc)[-1] == {"CHL", "PER", "ECU", "BOL", "EUU"}


def test_a_company_deal_is_not_a_deal_between_states(tag):
    doc = tag("Kumho Engineering, a South Korean construction company, signed a contract with Egypt to build "
              "a bridge as ministers of both countries looked on.")
    assert doc._.commitments == []


def test_state_owned_companies_named_by_nationality_are_not_their_state(tag):
    doc = tag("Norway signed a loan agreement with Ghanaian state companies.")
    assert doc._.commitments == []


def test_a_development_fund_acts_for_its_state(tag):
    doc = tag("The Kuwaiti Fund for Development signed a loan agreement with Ghana to build a road.")
    assert commitments(doc) == [({"KWT", "GHA"}, ["development", "infrastructure"])]


def test_one_member_of_a_larger_group_acts_alone(tag):
    doc = tag("Brazil, Chile and Peru agreed to protect forests. Brazil pledged $200 million for Africa.")
    assert parties_by_sentence(doc) == [{"BRA", "CHL", "PER"}, {"BRA"}]


def test_a_circumstance_after_the_commitment_adds_no_counterpart(tag):
    doc = tag("Kenya agreed to expand cooperation with Tanzania on ports, closing a summit in a region long "
              "shaped by rivalry between China and India.")
    assert parties_by_sentence(doc) == [{"KEN", "TZA"}]


# Scope: hedges, failures, conditions, counterfactuals and commentators, wherever they stand.

@pytest.mark.parametrize("text", [
    "Kenya and Uganda were due to sign a pipeline deal on Monday.",
    "Kenya and Uganda stopped short of signing a pipeline deal.",
    "Malaysia was ready to send observers to Cambodia if both sides asked.",
    "A draft would have committed Kenya and Uganda to a joint pipeline.",
    "\"Kenya and Uganda will sign a pipeline deal,\" said Amina Odhiambo, an analyst at a Nairobi bank.",
    "Kenya's minister accompanies the Minister for National Security on a visit to Uganda and will join his "
    "meetings in Kampala on 4 May.",
])
def test_hedges_failures_conditions_and_commentators_are_not_commitments(tag, text):
    assert tag(text)._.commitments == []


def test_what_a_party_reports_through_the_press_still_counts(tag):
    doc = tag("Libya has offered to hand over two suspects to Italy, a state newspaper said.")
    assert parties_by_sentence(doc) == [{"LBY", "ITA"}]


# Sectors named by the guide's conventions.

@pytest.mark.parametrize("text, expected", [
    ("Japan and Vietnam agreed to link their payment systems.", ["finance"]),
    ("Japan and Vietnam agreed to train their coast guards together.", ["defense"]),
    ("Japan and Vietnam agreed to expand irrigation in the Mekong delta.", ["agriculture"]),
])
def test_the_guide_codes_these_fields(tag, text, expected):
    assert commitments(tag(text))[0][1] == expected


# Real phrasing: the act as a noun, a pledge to a region.

@pytest.mark.parametrize("text", [
    "Talks in Accra ended with the signing of a memorandum on fisheries between Ghana and Togo.",
    "The summit closed with a commitment to closer fisheries cooperation between Ghana and Togo.",
    "The leaders welcomed the signing, during the talks, of a memorandum on fisheries between Ghana and Togo.",
    "Ghana and Togo reaffirmed their commitment to cooperate on fisheries.",
    "The two presidents expressed their commitment to closer fisheries cooperation between Ghana and Togo.",
    "The presidents of Ghana and Togo praised the signing of a memorandum on fisheries.",
])
def test_an_act_named_as_a_noun_commits_its_parties_or_the_countries_between_which_it_is(tag, text):
    assert commitments(tag(text)) == [({"GHA", "TGO"}, ["agriculture"])]


def test_leaders_reaffirming_their_commitment_to_a_partnership_between_two_countries_are_those_two(tag):
    doc = tag("The President and the Prime Minister reaffirmed their commitment to the strategic partnership "
              "between Ghana and Togo.")
    assert commitments(doc) == [({"GHA", "TGO"}, ["diplomacy"])]


def test_the_places_and_topics_of_talks_are_not_who_the_ministers_are(tag):
    doc = tag("The foreign ministers of Ghana, Togo and Benin made a joint call on the President of Ghana. They "
              "also exchanged views on developments in Mali-Niger, the Middle East and Haiti. The Ministers "
              "reaffirmed their commitment to closer cooperation on fisheries.")
    assert commitments(doc) == [({"GHA", "TGO", "BEN"}, ["agriculture"])]


def test_a_visit_that_closed_with_a_signing_sets_the_parties_for_what_follows(tag):
    doc = tag("The Chilean president's state visit to Peru closed on Tuesday with the signing of a memorandum on "
              "lithium mining, officials in both capitals said. The two countries' survey agencies will also set "
              "up a joint research centre on glaciers.")
    assert commitments(doc) == [({"CHL", "PER"}, ["critical_minerals"]), ({"CHL", "PER"}, ["science_technology"])]


def test_a_noun_for_an_act_in_the_background_is_not_one(tag):
    assert tag("Fishing has grown since the signing of a memorandum between Ghana and Togo.")._.commitments == []


def test_a_pledge_to_a_region_commits_the_pledging_party_alone(tag):
    assert parties_by_sentence(tag("Japan pledged $2 billion for clean energy projects across Africa.")) == [
        {"JPN"}]
    assert tag("Japan pledged $2 billion for clean energy projects at home.")._.commitments == []


@pytest.mark.parametrize("region", ["East Africa", "the Horn of Africa", "sub-Saharan Africa",
                                    "least developed countries"])
def test_money_pledged_to_a_region_is_the_donors_aid(tag, region):
    doc = tag(f"Norway pledged $30 million for locust control across {region}.")
    assert commitments(doc) == [({"NOR"}, ["agriculture", "development"])]


def test_coordinated_clauses_keep_their_own_parties(tag):
    doc = tag("Germany pledged 40 million euros to Rwanda to train teachers, and France signed an agreement with "
              "Senegal on vaccine production.")
    assert commitments(doc) == [({"DEU", "RWA"}, ["education_culture", "development"]), ({"FRA", "SEN"}, ["health"])]


def test_a_deal_recalled_in_a_subordinate_clause_does_not_become_the_parties_in_force(tag):
    doc = tag("Iran and Russia signed a strategic partnership treaty. The pact falls short of the treaty that "
              "Russia signed with North Korea last year. The two countries also agreed to build a gas pipeline.")
    assert parties_by_sentence(doc)[-1] == {"IRN", "RUS"}


def test_a_pair_the_tree_read_as_a_participle_still_becomes_the_parties_in_force(tag):
    # The tree hangs "agreed" on "Chile" as if Chile were agreed by someone; the pair still acts.
    doc = tag("Kenya and Ghana signed a memorandum on ports. Chile and Bolivia agreed to open a rail link. The two "
              "countries will also cooperate on customs data.")
    assert parties_by_sentence(doc)[-1] == {"CHL", "BOL"}


# Real phrasing: ministries entering into documents, participants named after the act, the document
# as subject.

def test_ministries_entering_into_a_memorandum_commit_their_states(tag):
    doc = tag("Peru's Ministry of Production and the Chilean Department of Fisheries are entering into a "
              "memorandum on aquaculture.")
    assert commitments(doc) == [({"PER", "CHL"}, ["agriculture"])]


def test_participants_named_after_their_intention_are_its_parties(tag):
    doc = tag("The Participants intend to deepen their cooperation on hydrogen. The Participants are Peru's "
              "Ministry of Energy and Chile's Ministry of Mines.")
    assert commitments(doc) == [({"PER", "CHL"}, ["energy"])]


def test_a_document_as_subject_commits_the_countries_it_is_between(tag):
    doc = tag("The agreement will expand cooperation between Peru and Chile on ports.")
    assert commitments(doc) == [({"PER", "CHL"}, ["infrastructure"])]


def test_shaking_hands_is_not_handing_over(tag):
    assert tag("The prime ministers of Thailand and Cambodia shook hands after the talks.")._.commitments == []
    assert parties_by_sentence(tag("Thailand will hand over two suspects to Cambodia.")) == [{"THA", "KHM"}]


def test_a_bloc_named_as_the_home_of_its_members_is_not_a_party(tag):
    doc = tag("Estonia and four other European Union countries signed a declaration on cyber defence. Among the "
              "five were Latvia, Lithuania, Poland and Finland.")
    assert all("EUU" not in c.parties for c in doc._.commitments)


def test_a_venue_is_not_a_party_and_what_a_deal_does_keeps_its_counterparts(tag):
    doc = tag("Israel signed agreements establishing diplomatic relations with Bahrain at the White House.")
    assert parties_by_sentence(doc) == [{"ISR", "BHR"}]


def test_a_group_waits_only_for_signatories_not_for_any_list_of_members(tag):
    doc = tag("Ministers had promised a memorandum on copper. US tax credits go to metals from a trade pact that "
              "includes Chile, Peru and Bolivia.")
    assert doc._.commitments == []


def test_a_plan_naming_neither_a_field_nor_a_transfer_is_a_schedule(tag):
    assert tag("Ghana's president will travel with Togo's leader to Benin next week.")._.commitments == []
    assert tag("Ghana will send a delegation to Togo next month.")._.commitments == []
    assert parties_by_sentence(tag("Ghana will send engineers to Togo to build a railway.")) == [{"GHA", "TGO"}]


def test_a_readout_commits_to_what_was_agreed_not_to_what_was_discussed(tag):
    doc = tag("Peru and Chile discussed trade and agreed to expand cooperation on ports.")
    assert parties_by_sentence(doc) == [{"PER", "CHL"}]
    assert tag("Peru and Chile discussed the ports treaty that Bolivia signed with Brazil.")._.commitments == []


def test_a_mediator_named_after_the_deal_is_not_a_party(tag):
    doc = tag("Ethiopia and Eritrea signed a peace agreement brokered by Saudi Arabia.")
    assert parties_by_sentence(doc) == [{"ETH", "ERI"}]


def test_a_first_person_statement_commits_its_authors(tag):
    doc = tag("We, the Heads of State of Peru, Chile and Bolivia, gathered in Lima on Monday.\n\n"
              "We agreed to build a railway linking our capitals.")
    assert commitments(doc) == [({"PER", "CHL", "BOL"}, ["infrastructure"])]
