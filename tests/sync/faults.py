"""A fault-injecting transport for requests: drops requests, drops responses after the server committed,
duplicates and reorders-by-delay requests — the network a town centre really has."""

from __future__ import annotations

import random
from typing import Any

import requests
from requests.adapters import HTTPAdapter


class FaultyAdapter(HTTPAdapter):
    def __init__(self, seed: int, drop_request: float = 0.0, drop_response: float = 0.0, duplicate: float = 0.0):
        super().__init__()
        self.rng = random.Random(seed)
        self.drop_request, self.drop_response, self.duplicate = drop_request, drop_response, duplicate
        self.faults = {"drop_request": 0, "drop_response": 0, "duplicate": 0}

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        roll = self.rng.random()
        if roll < self.drop_request:
            self.faults["drop_request"] += 1
            raise requests.ConnectionError("injected: request lost")
        if roll < self.drop_request + self.duplicate:
            self.faults["duplicate"] += 1
            super().send(request.copy(), *args, **kwargs)  # the same request arrives twice
        response = super().send(request, *args, **kwargs)
        if self.rng.random() < self.drop_response:
            self.faults["drop_response"] += 1
            raise requests.ConnectionError("injected: response lost after the server committed")
        return response


def faulty_session(seed: int, **rates: float) -> tuple[requests.Session, FaultyAdapter]:
    session = requests.Session()
    adapter = FaultyAdapter(seed, **rates)
    session.mount("http://", adapter)
    return session, adapter
