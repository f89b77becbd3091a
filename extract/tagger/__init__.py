"""The tagger: a spaCy pipeline of registered components (``pipeline.cfg``) that finds the
countries an article mentions and the commitments it reports, with their parties, sectors and
evidence. Its components read the dbt seeds and their own word lists, nothing of the pipeline's
stages; the tag stage that runs it over a run's articles is ``extract.tagging``."""
