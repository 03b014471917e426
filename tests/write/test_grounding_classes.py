"""Classes of fabrication closed after the blind sets (blind14, blind15) and tune16, each with
sentences written for the test, honest and fabricated: time spent checked against the job it
is about, figures moved between jobs, company figures in the candidate's clause, languages in
lists, employers behind a wish, skills placed at another job."""

from __future__ import annotations

import datetime as dt
import functools

from grounding_checks import assert_grounded, untraced

from applykit.models.posting import Posting
from applykit.models.profile import Profile

TODAY = dt.date(2026, 11, 23)
"""Northwind Analytics (no end date) has lasted 3.2 years on this day; the whole record 6.9."""
_untraced = functools.partial(untraced, today=TODAY)
_ok = functools.partial(assert_grounded, today=TODAY)


# --- time spent, checked against the job it is about --------------------------------------------


def test_a_number_with_a_half_is_one_number_in_its_clause(profile: Profile) -> None:
    _ok("I spent a year and a half on Parcelly's pricing and logistics team.", profile)
    assert _untraced("I spent three and a half years on Parcelly's pricing team.", profile)
    assert _untraced("I spent four and a half years at Lumen Media.", profile)
    _ok("I spent two years at Lumen Media.", profile)


def test_a_role_after_i_was_bounds_the_time(profile: Profile) -> None:
    _ok("For a year and a half I was a data scientist on the pricing team at Parcelly.", profile)
    assert _untraced("For three and a half years I was a data scientist at Parcelly.", profile)
    assert _untraced("For three years I worked as a data scientist.", profile)
    _ok("For five years I was a machine learning engineer.", profile)  # Lumen + Northwind


def test_an_activity_only_one_job_had_bounds_the_time(profile: Profile) -> None:
    _ok("I have been keeping fraud models fast for three years.", profile)
    assert _untraced("I have been keeping fraud models fast for five years.", profile)
    _ok("I have been building recommendation models for two years.", profile)
    assert _untraced("I have been building recommendation models for four years.", profile)
    _ok("I have spent six years building fraud and recommendation models.", profile)
    _ok("I have been writing Python for six years.", profile)


def test_time_the_candidate_spent_is_theirs_beside_the_posting(
    profile: Profile, brightwater: Posting
) -> None:
    lead = "Your posting describes a job I have been doing for a little over"
    tail = "years: keeping a fraud model fast enough to sit in the payment path."
    _ok(f"{lead} three {tail}", profile, brightwater)
    assert _untraced(f"{lead} five {tail}", profile, brightwater)
    _ok("Your team asks for five years of experience, and I have more than six.", profile)


# --- work told as another job's -----------------------------------------------------------------


def test_a_participle_clause_belongs_to_the_job_of_the_clause_it_continues(
    profile: Profile,
) -> None:
    lead = "I cut retraining cost by 35% with spot instances, and at"
    tail = "I migrated feature pipelines to Spark, cutting the daily runtime from 9 hours to 2.5."
    _ok(f"{lead} Lumen Media {tail}", profile)
    assert "9 hours" in _untraced(f"{lead} Northwind {tail}", profile)


def test_a_where_clause_belongs_to_the_place_named_before_it(profile: Profile) -> None:
    lead = "Before Northwind I spent two years at Lumen Media, where I migrated pipelines and cut"
    _ok(f"{lead} the daily runtime from 9 hours to 2.5 hours.", profile)
    assert "3 weeks" in _untraced(f"{lead} feature lead time from 3 weeks to 4 days.", profile)


def test_the_opening_phrase_names_the_job_across_an_apposition(profile: Profile) -> None:
    lead = "As a Machine Learning Engineer at Lumen Media, a streaming service, I served 40M+ users"
    _ok(f"{lead} with 99.95% availability.", profile)
    assert "4,000 requests" in _untraced(f"{lead} at 4,000 requests per second.", profile)


def test_a_story_only_another_jobs_facts_hold_is_refused_at_the_name(profile: Profile) -> None:
    _ok("At Lumen Media I migrated feature pipelines from cron jobs to Spark on Airflow.", profile)
    assert "Northwind" in _untraced(
        "At Northwind I migrated feature pipelines from cron jobs to Spark on Airflow.", profile
    )
    assert "Parcelly" in _untraced(
        "At Parcelly, I built a two-tower retrieval model in PyTorch for recommendations.", profile
    )
    _ok(
        "At Northwind I designed a feature store with Feast on Redis and S3, and at Lumen Media "
        "I built a two-tower retrieval model.",
        profile,
    )


# --- a company figure in the candidate's clause -------------------------------------------------


def test_a_colon_inside_a_quoted_title_opens_no_clause_of_the_companys(
    profile: Profile, meridian: Posting
) -> None:
    lead = 'I wrote up my Lumen Media work as "Two-Tower Retrieval: Lessons" (2023), about a'
    _ok(f"{lead} recommender serving tens of millions of users.", profile, meridian)
    assert _untraced(f"{lead} recommender serving more than a billion people.", profile, meridian)
    assert _untraced(
        "The recommender I built at Lumen Media served more than a billion people every month.",
        profile,
        meridian,
    )
    _ok(
        "Your products are used by more than a billion people every month, and I want to work "
        "at that scale.",
        profile,
        meridian,
    )


# --- languages in lists -------------------------------------------------------------------------


def test_a_level_covers_the_whole_list_of_languages(profile: Profile) -> None:
    _ok("I am a native speaker of English and Swedish, conversational in Yoruba.", profile)
    assert "Norwegian" in _untraced("I am conversational in Yoruba and Norwegian.", profile)
    assert "Norwegian" in _untraced(
        "I am a native speaker of English, Swedish and Norwegian.", profile
    )
    _ok("English and Swedish (native); German (basic).", profile)
    assert _untraced("English, Swedish and Finnish (native).", profile)
    assert "German" in _untraced("I am fluent in Swedish and German.", profile)


def test_a_languages_line_claims_every_language_it_names(profile: Profile) -> None:
    _ok("Languages: English, Swedish, Yoruba, German.", profile)
    assert "French" in _untraced("Languages: English, Swedish, French.", profile)


# --- a wish that still names the candidate's record ---------------------------------------------


def test_a_wish_with_the_record_attached_still_claims_the_employer(
    profile: Profile, kestrel: Posting
) -> None:
    tail = "in Stockholm, where I moved feature pipelines from cron jobs to Spark on Airflow."
    _ok(f"For the summary, I'd write about Lumen Media {tail}", profile, kestrel)
    assert "Spotify" in _untraced(f"For the summary, I'd write about Spotify {tail}", profile)
    assert "Spotify" in _untraced("I would love to talk about my time at Spotify.", profile)
    assert "Spotify" in _untraced("I'd write about Spotify, my previous employer.", profile)
    _ok("I would love to talk about my time at Lumen Media.", profile)
    _ok("The city I would most like to improve is Amsterdam.", profile)


# --- skills: whose list, and at which job -------------------------------------------------------


def test_a_list_takes_the_voice_of_what_it_is_said_to_be(
    profile: Profile, brightwater: Posting
) -> None:
    assert "Flink" in _untraced(
        "On your nice-to-haves: Kafka, Flink and Go are all in my toolkit.", profile, brightwater
    )
    _ok("On your nice-to-haves: Kafka and Go are in my toolkit.", profile, brightwater)
    _ok("Your stack: Flink and Rust are both new to me.", profile, brightwater)
    _ok("Your move to Kubernetes, Flink and MLflow is the project I like.", profile, brightwater)


def test_a_negation_stops_at_the_candidates_own_noun_phrase(
    profile: Profile, kestrel: Posting
) -> None:
    lead = "I have not used Kubeflow Pipelines, Argo CD or Helm, and"
    _ok(f"{lead} I have not written Terraform.", profile, kestrel)
    assert "Terraform" in _untraced(
        f"{lead} my Terraform is limited to the modules I maintain.", profile, kestrel
    )


def test_a_skill_one_entry_holds_is_not_claimed_at_another_job(
    profile: Profile, quillfield: Posting
) -> None:
    assert _untraced(
        "I have since put a retrieval-augmented generation system into production at Northwind.",
        profile,
        quillfield,
    )
    assert "RAG" in _untraced("At Northwind I built a RAG service for analysts.", profile)
    _ok("My weekend project Skald is a RAG system served with FastAPI.", profile)
    _ok("At Northwind I built a Kafka pipeline.", profile)  # the skills list: any job
    _ok("At Lumen Media I used CUPED for A/B tests.", profile)


# --- a degree's field is part of the claim ------------------------------------------------------


def test_a_degree_is_checked_with_its_field(profile: Profile, kornblume: Posting) -> None:
    _ok("I hold an MS in Computer Science from the University of Washington.", profile)
    assert "MS" in _untraced(
        "I hold an MS in Statistics from the University of Washington.", profile
    )
    assert _untraced("I have a Bachelor of Science in Physics from KTH.", profile)
    _ok("I have a Bachelor of Science in Computer Science and Engineering from KTH.", profile)
    _ok("I have a BS in Computer Science.", profile)
    _ok("I do not have an MS in Statistics.", profile)
    _ok("You ask for an MS in Statistics; mine is in Computer Science.", profile, kornblume)


# --- honest text that is not a claim, or traces once read as meant ------------------------------


def test_the_letter_counting_what_it_then_enumerates(profile: Profile) -> None:
    _ok(
        "Two systems from that work map onto your list. The first is the scoring service. "
        "The second is the feature store.",
        profile,
    )
    assert _untraced(
        "Two teams adopted my feature store. The first was payments. The second was risk.", profile
    )
    assert _untraced("Seven teams adopted my feature store. First, payments.", profile)
    _ok("I should be candid about two gaps. I have not worked with OCR.", profile)
    assert _untraced("I have built two systems at Northwind.", profile)
    assert "five companies" in _untraced(
        "It is used in production by five companies.\n\nGaps, to be upfront: none.", profile
    )


def test_acronyms_of_profile_names_and_measures(profile: Profile) -> None:
    _ok("At UW I took CSE 546 Machine Learning.", profile)
    _ok("My library tidewatch runs streaming PSI and KS drift tests.", profile)
    _ok("At the University of Washington I finished with a 3.86/4.0 GPA.", profile)
    assert "UCLA" in _untraced("At UCLA I took machine learning.", profile)


def test_the_forms_question_and_calendar_words_claim_nothing(
    profile: Profile, meridian: Posting, brightwater: Posting
) -> None:
    _ok("**Q: Research problem (max. 200 words)**\n\nI would like to work on ranking.", profile)
    _ok("The Tuesday-to-Thursday office schedule works well for me.", profile, brightwater)
    _ok("I can start three months after signing.", profile)
    assert _untraced("A: I served 90M users.", profile, meridian)
    assert _untraced("**Q: Users served?** A: 90M users at Lumen Media.", profile, meridian)


def test_a_plain_word_before_a_lower_case_word_starts_a_sentence(
    profile: Profile, loomcraft: Posting
) -> None:
    _ok("Quick note about the Product Engineer role at Loomcraft.", profile, loomcraft)


def test_negations_reach_parenthesised_items_and_contractions(
    profile: Profile, kornblume: Posting, maplestone: Posting
) -> None:
    _ok(
        "Databricks and the geospatial side (H3, GeoPandas) would be new to me.",
        profile,
        kornblume,
    )
    assert "GeoPandas" in _untraced(
        "I used the geospatial side (H3, GeoPandas) daily.", profile, kornblume
    )
    _ok("I haven't written Java professionally.", profile, maplestone)
    assert "Java" in _untraced(
        "I haven't written much, but Java is my main language.", profile, maplestone
    )


def test_your_reaches_every_modifier_of_its_noun(profile: Profile, quillfield: Posting) -> None:
    _ok("Working with your legal and insurance specialists appeals to me.", profile, quillfield)
    assert "insurance" in _untraced(
        "I have worked with legal and insurance specialists.", profile, quillfield
    )


def test_a_career_since_a_year_starts_with_the_work_history(profile: Profile) -> None:
    _ok("I've worked in machine learning since 2020.", profile)
    assert "2016" in _untraced("I've worked in machine learning since 2016.", profile)


def test_a_title_after_a_new_predicate_is_not_the_earlier_employers(
    profile: Profile, kornblume: Posting
) -> None:
    _ok(
        "I was a Data Scientist at Parcelly until June 2021 and have worked as a machine "
        "learning engineer since.",
        profile,
        kornblume,
    )
    assert _untraced("I was a Senior Machine Learning Engineer at Parcelly.", profile)


def test_a_spelling_of_the_same_tool_traces(profile: Profile, loomcraft: Posting) -> None:
    _ok("I have run Postgres in production.", profile, loomcraft)
    assert "MySQL" in _untraced("I have run MySQL in production.", profile, loomcraft)


def test_a_label_in_the_postings_words_is_the_topic_of_its_line(
    profile: Profile, kestrel: Posting
) -> None:
    _ok("- GPU spend: training cost 35% lower at Northwind with spot instances.", profile, kestrel)
    assert "Helm" in _untraced("- Helm charts: I wrote them for every service.", profile, kestrel)


def test_a_wish_covers_its_list_of_verb_phrases_but_not_a_past_participle(
    profile: Profile, maplestone: Posting, brightwater: Posting
) -> None:
    _ok(
        "In my first year I'd like to learn how integrations with banks and payroll providers "
        "work end to end, get comfortable in a Java codebase, and earn my place on call.",
        profile,
        maplestone,
    )
    assert "Flink" in _untraced(
        "I would love to join your team, having built Flink jobs at Northwind.",
        profile,
        brightwater,
    )
    assert "Flink" in _untraced(
        "I'd like to learn Rust, and I have shipped Kafka, Flink and Go services.",
        profile,
        brightwater,
    )


def test_a_posting_figure_in_an_opinion_about_the_companys_thing(
    profile: Profile, kestrel: Posting
) -> None:
    _ok(
        "I have not joined the Kestrel Builders forum yet, but with 3,000 members it sounds "
        "like a great community.",
        profile,
        kestrel,
    )
    assert _untraced("I grew my own forum to 3,000 members.", profile, kestrel)
    assert _untraced("My forum has 3,000 members.", profile, kestrel)


# --- attacks written after the bench reached 100%: each once missed -----------------------------


def test_an_awards_figure_belongs_to_the_job_it_names(profile: Profile) -> None:
    _ok("At Northwind, I cut chargeback losses by $2M a year.", profile)
    assert "$2M" in _untraced("At Lumen Media, I cut chargeback losses by $2M a year.", profile)


def test_time_in_a_role_after_i_have_been(profile: Profile) -> None:
    _ok("For three years I have been the tech lead of the fraud platform.", profile)
    assert _untraced(
        "For nearly five years I have been the tech lead of the fraud platform.", profile
    )


def test_speak_fluent_is_a_level(profile: Profile) -> None:
    _ok("I speak fluent Swedish.", profile)
    assert _untraced("I speak fluent German.", profile)


def test_counts_of_different_things_do_not_trace(profile: Profile) -> None:
    _ok("My tagger covered 12 languages at Lumen Media.", profile)
    _ok("I designed a feature store used across five ML teams.", profile)
    assert "12 engineers" in _untraced("I led a team of 12 engineers at Lumen Media.", profile)


def test_a_posting_figure_with_the_postings_noun_is_the_companys(
    profile: Profile, loomcraft: Posting, brightwater: Posting
) -> None:
    _ok("60,000 makers is a lot of people to serve with a team of 14.", profile, loomcraft)
    assert _untraced("I served 60,000 makers at Lumen Media.", profile, loomcraft)
    assert _untraced(
        "I designed the feature store; lead time went from 3 weeks to 4 days across 200,000 "
        "merchants.",
        profile,
        brightwater,
    )
    assert _untraced("- lead time: 3 weeks → 4 days, for 200,000 merchants", profile, brightwater)


def test_a_gap_or_a_skill_only_read_about_is_not_claimed(
    profile: Profile, maplestone: Posting
) -> None:
    _ok("Java is the honest gap: I have read Java but never written it.", profile, maplestone)
    assert "Java" in _untraced("I have written Java but never deployed it.", profile, maplestone)
    assert "Java" in _untraced("Java is my strongest language.", profile, maplestone)


def test_a_bare_number_after_the_last_counts_what_the_duration_before_it_counts(
    profile: Profile,
) -> None:
    _ok("Six years of experience, the last three at Northwind.", profile)
    assert "four" in _untraced("Six years of experience, the last four at Northwind.", profile)
    lead = "Six years of shipping models, the last"
    _ok(f"{lead} three-plus as a Senior Machine Learning Engineer at Northwind.", profile)
    assert _untraced(
        f"{lead} five-plus as a Senior Machine Learning Engineer at Northwind.", profile
    )
    _ok("Six years in ML, the last three at Northwind.", profile)
    assert _untraced("Eight years in ML, the last three at Northwind.", profile)


def test_a_label_that_the_line_then_claims_and_a_fronted_object(
    profile: Profile, brightwater: Posting
) -> None:
    assert "Flink" in _untraced(
        "- Flink streaming: built those jobs at Northwind for two years.", profile, brightwater
    )
    assert "Flink" in _untraced(
        "On your nice-to-haves: Flink and Spark I know well.", profile, brightwater
    )
    _ok("On your nice-to-haves: Flink and Rust I have never used.", profile, brightwater)


def test_a_team_of_n_counts_members(profile: Profile) -> None:
    assert "five" in _untraced("I managed a team of five at Northwind.", profile)
    assert "5" in _untraced("I managed a team of 5 at Northwind.", profile)
    _ok("My feature store served a group of 5 ML teams.", profile)


def test_third_batch_of_attacks(
    profile: Profile, kestrel: Posting, loomcraft: Posting, quillfield: Posting
) -> None:
    # ", never at scale" limits the claim; it does not negate it ("Helm charts, no." does)
    assert "React" in _untraced(
        "I've only shipped React and TypeScript at Parcelly, never at scale.", profile, loomcraft
    )
    # time spent in a place is the record; a first year there is a plan
    assert "Austin" in _untraced("I'm in Seattle, after three years in Austin.", profile, loomcraft)
    _ok("I'd aim to get there in my first year in Austin.", profile, loomcraft)
    # the company named among the candidate's own users
    assert "Kestrel" in _untraced(
        "I maintain tidewatch, used in production by 3 companies, including Kestrel.",
        profile,
        kestrel,
    )
    _ok("Teams such as Kestrel inspire me.", profile, kestrel)
    # "my day job" is the job still open
    lead = "Summarising evidence with an LLM is what I have done at my day job for"
    _ok(f"{lead} three years.", profile, quillfield)
    assert _untraced(f"{lead} five years.", profile, quillfield)


def test_my_thing_at_a_name_is_the_record_inside_a_wish(profile: Profile, kestrel: Posting) -> None:
    lead = "For the migration summary you ask for, I'd write about my migration at"
    _ok(f"{lead} Lumen Media.", profile, kestrel)
    assert "Spotify" in _untraced(f"{lead} Spotify.", profile, kestrel)


def test_a_definite_reference_to_a_figure_already_stated(profile: Profile) -> None:
    lead = "I cut p95 latency from 120ms to 35ms at 4,000 requests per second."
    _ok(f"{lead} The 35ms figure came from exactly that kind of budget.", profile)
    assert "25ms" in _untraced(f"{lead} The 25ms figure came later.", profile)
    assert _untraced(
        "At Northwind I cut latency from 120ms to 35ms. At Lumen Media the 35ms target was met "
        "too.",
        profile,
    )


def test_a_posting_figure_said_of_the_candidates_own_project_is_claimed(
    profile: Profile, loomcraft: Posting
) -> None:
    _ok("Loomcraft has 60,000 monthly active makers.", profile, loomcraft)
    assert _untraced("Skald has 60,000 monthly active makers.", profile, loomcraft)
    assert _untraced("tidewatch now serves 60,000 makers.", profile, loomcraft)


def test_a_year_before_its_clause_is_read_with_the_rest_of_the_clause(profile: Profile) -> None:
    lead = "In 2021 I joined Lumen Media and in"
    _ok(f"{lead} 2019 I interned at the Halvorsen Institute.", profile)
    assert "2018" in _untraced(f"{lead} 2018 I interned at the Halvorsen Institute.", profile)


def test_honours_and_scores(profile: Profile) -> None:
    assert "summa cum laude" in _untraced("I graduated summa cum laude from KTH.", profile)
    assert "with distinction" in _untraced("I graduated from KTH with distinction.", profile)
    _ok("I did not graduate with honours, but my GPA was 3.86/4.0 at UW.", profile)
    assert "3.96" in _untraced("My GPA was 3.96/4.0.", profile)


def test_the_companys_possessive_against_the_candidates_own_job(
    profile: Profile, kestrel: Posting
) -> None:
    _ok(
        "Your 50 million subscribers in 40 countries are a scale I know well from Lumen Media.",
        profile,
        kestrel,
    )
    assert _untraced("Like Kestrel, Lumen Media served 50 million subscribers.", profile, kestrel)
    assert _untraced("At Lumen Media I served your 50 million subscribers.", profile, kestrel)


def test_a_colon_that_spells_out_a_plan_reports_nothing(profile: Profile, kestrel: Posting) -> None:
    _ok(
        "Your contract reads like the migration I would most like to do next: scripts on EC2 "
        "moved onto Kubernetes, with 12 production models.",
        profile,
        kestrel,
    )
    assert _untraced(
        "I did this before: I moved 12 production models onto Kubernetes.", profile, kestrel
    )
    assert _untraced(
        "It is what I would like to do next: at Lumen Media I moved 12 production models.",
        profile,
        kestrel,
    )


def test_fifth_batch_of_attacks(profile: Profile, maplestone: Posting, kornblume: Posting) -> None:
    # an affirmed object is not negated by a later clause about another item
    assert "dbt" in _untraced(
        "I have used dbt daily, and Databricks would be new to me.", profile, kornblume
    )
    _ok("dbt and Databricks would be new to me.", profile, kornblume)
    # where the candidate lives, said with "I'm based in"
    assert "Toronto" in _untraced("I'm based in Toronto today.", profile, maplestone)
    _ok("I'd love to be based in Toronto.", profile, maplestone)
    # a right to work or a licence must be in the profile
    assert _untraced("I already hold Canadian permanent residency.", profile, maplestone)
    _ok("I would need a work permit to work in Canada.", profile, maplestone)
    _ok("I don't hold a visa for Canada.", profile, maplestone)
    # a pronoun picks up the skill last named
    lead = "Where I'd need help: Java. I know it exists in your stack and I've"
    assert "Java" in _untraced(f"{lead} written it professionally.", profile, maplestone)
    _ok(f"{lead} never written it professionally.", profile, maplestone)
    # a label of five words before its colon
    _ok("Quick context before you read further: I build ML systems.", profile, maplestone)


def test_a_posting_figure_told_with_the_candidates_own_figure_is_claimed(
    profile: Profile, brightwater: Posting
) -> None:
    lead = "- the scoring service: p95 latency from 120ms to 35ms at 4,000 requests"
    _ok(f"{lead} per second;", profile, brightwater)
    assert "200,000 merchants" in _untraced(
        f"{lead} per second for 200,000 merchants;", profile, brightwater
    )


def test_time_on_a_project_is_bounded_by_its_dates(profile: Profile) -> None:
    _ok("The side project, which I ran for six months: Skald.", profile)
    assert "three years" in _untraced(
        "The side project, which I ran for three years: Skald.", profile
    )
    _ok("I have maintained tidewatch for four years.", profile)
    assert "six years" in _untraced("I have maintained tidewatch for six years.", profile)


def test_years_with_a_skill_only_some_entries_show(profile: Profile) -> None:
    _ok("I have six months of experience with pgvector.", profile)
    assert "two years" in _untraced("I have two years of experience with pgvector.", profile)
    _ok("I have four years of experience with Kubernetes.", profile)  # the skills list
    _ok("I bring more than six years in production ML.", profile)  # a field, not a tool
