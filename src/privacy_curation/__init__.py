"""Pure helpers for the dbt Python models of the privacy-intent curation project.

dbt-duckdb puts ``src`` on ``sys.path`` (profile setting ``module_paths``), so the models import
these functions; pytest tests them without dbt.
"""
