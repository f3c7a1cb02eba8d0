"""Known failures as user errors, for the layers above the services (the translation lives in app/store/errors.py)."""

from app.store.errors import as_user_error

__all__ = ["as_user_error"]
