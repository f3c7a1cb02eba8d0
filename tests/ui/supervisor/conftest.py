"""The intake fixtures, for console tests that need real cases."""

from tests.intake.conftest import blobs, catalogue, cases, clerk, hall_queue, intake, person, reviewer  # noqa: F401
