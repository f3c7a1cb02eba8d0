"""The hall database: SQLAlchemy models, engine/session factory, Alembic migrations."""
