"""Central server settings, declared once (pydantic-settings): environment ONEWINDOW_SERVER_*, then defaults."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from app import settings as app_settings

# Hall schema versions (Alembic revisions of app/store) whose outbox payloads this server still understands.
OLDEST_SUPPORTED_SCHEMA = 1
NEWEST_KNOWN_SCHEMA = 4


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ONEWINDOW_SERVER_", extra="forbid")

    db: str = Field(default="", description="database URL; default: server.db in the data directory")
    blobs: str = Field(default="", description="blob directory; default: server-blobs in the data directory")
    host: str = "127.0.0.1"
    port: int = Field(default=8600, ge=1, le=65535)
    token_ttl_s: int = Field(default=900, ge=30, description="device and reviewer tokens are short-lived")
    enrol_code_ttl_h: int = Field(default=24, ge=1)
    max_clock_drift_ms: int = Field(default=24 * 3600 * 1000, ge=1000)
    applied_mutation_keep_days: int = Field(default=400, ge=365, description="kept at least a year")
    pull_page_limit: int = Field(default=2000, ge=10, le=20000)

    def db_url(self) -> str:
        return self.db or f"sqlite:///{app_settings.paths().data_dir / 'server.db'}"

    def blob_dir(self) -> Path:
        return Path(self.blobs) if self.blobs else app_settings.paths().data_dir / "server-blobs"
