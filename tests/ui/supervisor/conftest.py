"""The intake fixtures, for console tests that need real cases."""

from tests.intake.conftest import blobs, cases, catalogue, clerk, hall_queue, intake, person, reviewer  # noqa: F401
