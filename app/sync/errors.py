"""Sync failures a person is told about in one line; the agent retries the network ones on its own."""

from app.domain.errors import UserError


class SyncError(UserError):
    code = "sync"


class NetworkError(SyncError):
    """The server could not be reached or answered with a server error: try again later."""

    code = "sync_network"


class DeviceRevoked(SyncError):
    code = "sync_revoked"


class NotEnrolled(SyncError):
    code = "sync_not_enrolled"


class SchemaTooOld(SyncError):
    code = "sync_schema"


class FeedReset(Exception):
    """The server's feed was reset (new epoch, or our cursor is ahead of it): re-push a snapshot, pull again."""

    def __init__(self, reason: str, epoch: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.epoch = epoch
