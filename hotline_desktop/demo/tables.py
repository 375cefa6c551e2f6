"""The demo's plain tables, read once from ``resources/demo/``: the calls' traffic, the
employers, the kinds of caller and the wording of their calls. Each file says what its
tables mean under "about"; demo/content.py composes the calls from them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..config.resources import DEMO_DIR
from ..domain.vocabulary import CallKind, Channel

Weighted = tuple[tuple[str, float], ...]
# How a record says the caller: (opening a clause, me, us, before 反映).
Voice = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Persona:
    """A kind of caller: what they do, where they work, and what they tend to call about."""

    form: str
    industries: tuple[str, ...]
    sector: str
    jobs: Weighted
    wage: tuple[int, int]
    male_share: float
    workplace: str  # said instead of the employer's name when the caller does not give it
    requests: Weighted  # scenario names of demo/content.py
    consultations: Weighted
    platforms: tuple[str, ...] = ("某平台",)
    trip: str = "上班"
    regions: tuple[str, ...] = ()  # cities where this work concentrates


@dataclass(frozen=True, slots=True)
class RegionFacts:
    weight: float  # of the calls from the city
    area_code: str
    local_digits: int


@dataclass(frozen=True, slots=True)
class Sector:
    share: float  # of all employers
    places: tuple[str, ...]
    endings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoTables:
    hour_weights: dict[int, float]
    call_kinds: tuple[tuple[CallKind, float], ...]
    channels: tuple[tuple[Channel, float], ...]
    regions: dict[str, RegionFacts]
    mobile_prefixes: tuple[str, ...]
    brand_characters: str
    sectors: dict[str, Sector]
    project_kinds: tuple[str, ...]
    personas: tuple[tuple[Persona, float], ...]  # with their share of first-time callers
    first_person: Voice
    third_person: tuple[Voice, ...]
    details: tuple[str, ...]  # with {me} and {we} to fill in
    consultation_context: tuple[str, ...]
    closers: tuple[str, ...]
    risk_sentences: tuple[str, ...]
    injuries: tuple[str, ...]
    accidents: tuple[str, ...]
    hardship_causes: tuple[str, ...]
    suggestions: tuple[str, ...]  # with {city} to fill in
    invalid_calls: tuple[str, ...]
    answers: dict[str, str]


@cache
def demo_tables() -> DemoTables:
    calls, employers, personas, wording = (
        json.loads((DEMO_DIR / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("calls", "employers", "personas", "wording")
    )
    return DemoTables(
        hour_weights={int(hour): weight for hour, weight in calls["hour_weights"].items()},
        call_kinds=tuple((CallKind(kind), share) for kind, share in calls["call_kinds"]),
        channels=tuple((Channel(channel), share) for channel, share in calls["channels"]),
        regions={
            code: RegionFacts(
                weight=facts["population_10k"] * facts.get("weight_factor", 1),
                area_code=facts["area_code"],
                local_digits=facts["local_digits"],
            )
            for code, facts in calls["regions"].items()
        },
        mobile_prefixes=tuple(calls["mobile_prefixes"]),
        brand_characters=employers["brand_characters"],
        sectors={
            name: Sector(
                share=sector["share"],
                places=tuple(employers["places"][sector["places"]]),
                endings=tuple(sector["endings"]),
            )
            for name, sector in employers["sectors"].items()
        },
        project_kinds=tuple(employers["project_kinds"]),
        personas=tuple(
            (_persona(entry, personas), entry["share"]) for entry in personas["personas"]
        ),
        first_person=_voice(wording["voices"]["first_person"]),
        third_person=tuple(_voice(voice) for voice in wording["voices"]["third_person"]),
        details=tuple(wording["details"]),
        consultation_context=tuple(wording["consultation_context"]),
        closers=tuple(wording["closers"]),
        risk_sentences=tuple(wording["risk_sentences"]),
        injuries=tuple(wording["injuries"]),
        accidents=tuple(wording["accidents"]),
        hardship_causes=tuple(wording["hardship_causes"]),
        suggestions=tuple(wording["suggestions"]),
        invalid_calls=tuple(wording["invalid_calls"]),
        answers=dict(wording["answers"]),
    )


def _persona(entry: dict[str, Any], personas: dict[str, Any]) -> Persona:
    optional = {
        name: entry[name] if name == "trip" else tuple(entry[name])
        for name in ("platforms", "trip", "regions")
        if name in entry
    }
    return Persona(
        form=entry["form"],
        industries=tuple(entry["industries"]),
        sector=entry["sector"],
        # A plain job name weighs 1.
        jobs=tuple((job, 1) if isinstance(job, str) else tuple(job) for job in entry["jobs"]),
        wage=tuple(entry["wage"]),
        male_share=entry["male_share"],
        workplace=entry["workplace"],
        requests=_weighted(personas["request_mixes"][entry["requests"]]),
        consultations=_weighted(personas["consultation_mixes"][entry["consultations"]]),
        **optional,
    )


def _weighted(pairs: list[list[Any]]) -> Weighted:
    return tuple((name, weight) for name, weight in pairs)


def _voice(voice: dict[str, str]) -> Voice:
    return voice["lead"], voice["me"], voice["we"], voice["who"]
