"""The hall database: SQLAlchemy models, engine/session factory, Alembic migrations."""

import logging

# Alembic logs each plug-in and migration step at INFO, from the moment it is imported; python-escpos calls
# logging.basicConfig() on import, so under the kiosk's INFO root level they all reached the operator's
# terminal. Set here, before anything in this package imports alembic; app.store.migrate logs one line itself.
logging.getLogger("alembic").setLevel(logging.WARNING)
