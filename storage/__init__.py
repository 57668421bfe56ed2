"""Storage: the only package that speaks SQL (SQLAlchemy 2 async + Alembic).

Use ``storage.db`` to build an engine and migrate, and ``storage.repo.Store`` for every
read and write; records come back as frozen dataclasses.
"""
