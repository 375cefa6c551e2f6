"""The demo's tables in resources/demo/ and the scenarios of demo/content.py they name."""

from __future__ import annotations

from hotline_desktop.config.reference_data import load_employment_forms, load_industries
from hotline_desktop.demo import content
from hotline_desktop.demo.tables import demo_tables


def test_the_tables_are_read_once():
    assert demo_tables() is demo_tables()


def test_every_scenario_the_personas_name_is_written_and_every_one_written_is_named():
    personas = [persona for persona, _share in demo_tables().personas]
    requests = {name for persona in personas for name, _weight in persona.requests}
    consultations = {name for persona in personas for name, _weight in persona.consultations}
    assert requests == set(content._REQUESTS)
    assert consultations == set(content._CONSULTATIONS)


def test_the_personas_speak_of_known_forms_industries_sectors_and_regions():
    tables = demo_tables()
    forms = {form.code for form in load_employment_forms()}
    industries = {industry.code for industry in load_industries()}
    for persona, share in tables.personas:
        assert share > 0
        assert persona.form in forms
        assert set(persona.industries) <= industries
        assert persona.sector in tables.sectors
        assert set(persona.regions) <= set(tables.regions)
