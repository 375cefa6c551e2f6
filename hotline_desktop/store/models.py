"""peewee models: one table per thing the hotline keeps.

Foreign keys that no screen or report looks up by (who recorded a row, say), or whose
lookups a composite index in ``schema`` already serves, carry no index of their own:
every index costs each write, and a million demo tickets.

Every NOT NULL column has a default on the database side too, so that an older
app version writing to a shared server that a newer one has migrated still
inserts rows.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


class MoneyField(BigIntegerField):
    """Yuan as a Decimal in Python, whole fen in the database: sums stay exact everywhere."""

    def db_value(self, value):
        if value is None:
            return None
        return int((Decimal(value) * 100).to_integral_value())

    def python_value(self, value):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def _default(sql: str) -> list[SQL]:
    return [SQL(f"DEFAULT {sql}")]


def str_column(max_length: int = 200, **kwargs) -> CharField:
    return CharField(max_length=max_length, default="", constraints=_default("''"), **kwargs)


def long_text(**kwargs) -> TextField:
    # MySQL refuses a DEFAULT on TEXT columns, so long text is nullable and the
    # model's Python default fills it.
    return TextField(default="", null=True, **kwargs)


def bool_column(default: bool = False) -> BooleanField:
    return BooleanField(default=default, constraints=_default("TRUE" if default else "FALSE"))


def int_column(default: int = 0, **kwargs) -> IntegerField:
    return IntegerField(default=default, constraints=_default(str(default)), **kwargs)


def time_column(**kwargs) -> DateTimeField:
    return DateTimeField(default=datetime.now, constraints=_default("CURRENT_TIMESTAMP"), **kwargs)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    key = CharField(max_length=64, primary_key=True)
    value = CharField(max_length=200, default="", constraints=_default("''"))


class OrgUnit(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name_zh = str_column()
    name_en = str_column()
    kind = CharField(max_length=32)
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    # "/1/4/17/": a unit's subtree is every path that starts with its own.
    path = CharField(max_length=255, index=True, default="/", constraints=_default("'/'"))
    sort_order = int_column()
    active = bool_column(True)


class User(BaseModel):
    id = AutoField()
    username = CharField(max_length=64, unique=True)
    display_name = str_column(64)
    password_hash = str_column(255)
    role = CharField(max_length=32)
    unit = ForeignKeyField(OrgUnit, backref="users", on_delete="RESTRICT")
    is_main_leader = bool_column()
    active = bool_column(True)
    created_at = time_column()


class Category(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name_zh = str_column()
    name_en = str_column()
    sort_order = int_column()
    active = bool_column(True)


class EmploymentForm(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name_zh = str_column()
    name_en = str_column()
    new_form = bool_column()
    sort_order = int_column()


class Industry(BaseModel):
    id = AutoField()
    code = CharField(max_length=64, unique=True)
    name_zh = str_column()
    name_en = str_column()
    sort_order = int_column()


class CalendarOverride(BaseModel):
    """A day the admin declares a holiday or a working day, ahead of the calendar library."""

    day = DateField(primary_key=True)
    workday = bool_column()
    note = str_column()


class Caller(BaseModel):
    id = AutoField()
    phone = CharField(max_length=32, unique=True)
    name = str_column(64)
    first_call_at = time_column()
    last_call_at = time_column()


class Employer(BaseModel):
    id = AutoField()
    name = str_column()
    # The name without legal-form suffixes, so that repeat reports of one employer meet.
    key = CharField(max_length=200, unique=True)


class Call(BaseModel):
    id = AutoField()
    caller = ForeignKeyField(Caller, backref="calls", on_delete="RESTRICT")
    received_at = time_column(index=True)
    agent = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    kind = CharField(max_length=32)
    channel = CharField(max_length=32, default="phone", constraints=_default("'phone'"))
    category = ForeignKeyField(Category, null=True, on_delete="RESTRICT", index=False)
    description = long_text()
    answer = long_text()
    answered_on_call = bool_column()


class Ticket(BaseModel):
    id = AutoField()
    number = CharField(max_length=32, unique=True)
    call = ForeignKeyField(Call, unique=True, backref="tickets", on_delete="RESTRICT")
    caller = ForeignKeyField(Caller, backref="tickets", on_delete="RESTRICT", index=False)
    caller_name = str_column(64)
    phone = CharField(max_length=32)
    employer = ForeignKeyField(
        Employer, null=True, backref="tickets", on_delete="RESTRICT", index=False
    )
    employer_name = str_column()
    region = ForeignKeyField(OrgUnit, null=True, on_delete="RESTRICT", backref="+", index=False)
    industry = ForeignKeyField(Industry, null=True, on_delete="RESTRICT", index=False)
    employment_form = ForeignKeyField(EmploymentForm, null=True, on_delete="RESTRICT", index=False)
    category = ForeignKeyField(Category, on_delete="RESTRICT", index=False)
    headcount = int_column(1)
    amount_involved = MoneyField(null=True)
    description = long_text()
    urgency = CharField(max_length=16, default="normal", constraints=_default("'normal'"))
    channel = CharField(max_length=32, default="phone", constraints=_default("'phone'"))
    origin = CharField(max_length=16, default="province", constraints=_default("'province'"))
    complex_case = bool_column()
    status = CharField(max_length=16, default="new", constraints=_default("'new'"))
    handling = CharField(max_length=16, null=True)
    holder_unit = ForeignKeyField(
        OrgUnit, null=True, on_delete="RESTRICT", backref="+", index=False
    )
    receiving_unit = ForeignKeyField(OrgUnit, null=True, on_delete="RESTRICT", backref="+")
    created_at = time_column()
    created_by = ForeignKeyField(User, on_delete="RESTRICT", backref="+", index=False)
    dispatched_at = DateTimeField(null=True)
    sign_due_at = DateTimeField(null=True)
    signed_at = DateTimeField(null=True)
    due_at = DateTimeField(null=True)
    completed_at = DateTimeField(null=True)
    result = long_text()
    recovered_total = MoneyField(default=Decimal("0"), constraints=_default("0"))
    callback_due_at = DateTimeField(null=True)
    called_back_at = DateTimeField(null=True)
    satisfaction = CharField(max_length=16, null=True)
    archived_at = DateTimeField(null=True)
    merged_into = ForeignKeyField("self", null=True, on_delete="RESTRICT", backref="duplicates")
    extension_pending = bool_column()
    # The 1155 warning items the ticket carries, as RiskKind values joined by commas.
    risk_marks = str_column(64)
    # Warning items the agent overrode at intake: the rules do not raise them again.
    risk_dismissed = str_column(64)
    # The version of the risk rules the ticket was last judged by: a change of the ticket
    # is judged again only under newer rules, since nothing a step changes is read by them.
    risk_rules_version = int_column()
    reminder_count = int_column()
    return_count = int_column()
    reopen_count = int_column()
    # Optimistic locking: every change bumps it; a write that expected an older one is refused.
    version = int_column(1)
    updated_at = time_column()
    updated_by = ForeignKeyField(User, on_delete="RESTRICT", backref="+", index=False)


class TicketEvent(BaseModel):
    """The append-only history: the truth of how a ticket reached its state."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="events", on_delete="RESTRICT")
    at = time_column()
    actor = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    step = CharField(max_length=32)
    from_status = CharField(max_length=16, null=True)
    to_status = CharField(max_length=16)
    unit = ForeignKeyField(OrgUnit, null=True, on_delete="RESTRICT", index=False)
    note = long_text()
    details = long_text()  # JSON of the fields the step changed


class Assignment(BaseModel):
    """A unit's part in a ticket: the lead (主办) chain down the levels, or a co-handler (协办)."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="assignments", on_delete="RESTRICT")
    unit = ForeignKeyField(OrgUnit, on_delete="RESTRICT")
    role = CharField(max_length=16)
    state = CharField(max_length=16)
    parent = ForeignKeyField(
        "self", null=True, on_delete="RESTRICT", backref="children", index=False
    )
    dispatched_at = time_column()
    dispatched_by = ForeignKeyField(User, on_delete="RESTRICT", backref="+", index=False)
    sign_due_at = DateTimeField(null=True)
    return_deadline = DateTimeField(null=True)
    signed_at = DateTimeField(null=True)
    signed_by = ForeignKeyField(User, null=True, on_delete="RESTRICT", backref="+", index=False)
    finished_at = DateTimeField(null=True)
    note = long_text()


class Instruction(BaseModel):
    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="instructions", on_delete="RESTRICT")
    leader = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    written_at = time_column()
    text = long_text()


class Payment(BaseModel):
    """One instalment of money recovered for the workers."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="payments", on_delete="RESTRICT")
    amount = MoneyField()
    paid_on = DateField()
    note = str_column()
    recorded_by = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    recorded_at = time_column()


class Mediation(BaseModel):
    id = AutoField()
    # One row each time the ticket goes to mediation: a reopened ticket may go again.
    ticket = ForeignKeyField(Ticket, backref="mediations", on_delete="RESTRICT")
    worker_consent = bool_column()
    employer_consent = bool_column()
    consent_note = str_column(500)
    started_at = time_column()
    started_by = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    outcome = long_text()


class ExtensionRequest(BaseModel):
    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="extensions", on_delete="RESTRICT")
    requested_by = ForeignKeyField(User, on_delete="RESTRICT", backref="+", index=False)
    requested_at = time_column()
    days = int_column(1)
    reason = long_text()
    decided_by = ForeignKeyField(User, null=True, on_delete="RESTRICT", backref="+", index=False)
    decided_at = DateTimeField(null=True)
    approved = BooleanField(null=True)
    decision_note = long_text()


class RiskRuleSet(BaseModel):
    """One saved version of the 1155 risk rules; the newest is the one in force."""

    version = IntegerField(primary_key=True)
    body = long_text()  # the JSON of RiskRules.to_dict()
    saved_at = time_column()
    # None for the defaults a fresh database starts with.
    saved_by = ForeignKeyField(User, null=True, on_delete="RESTRICT", backref="+", index=False)
    note = str_column(500)


class Alert(BaseModel):
    """A warning somebody must act on: a 1155 risk item or a time limit about to pass."""

    id = AutoField()
    kind = CharField(max_length=32)
    level = CharField(max_length=16)
    rule = CharField(max_length=32)
    rule_version = IntegerField(null=True)
    reason = long_text()  # JSON of the phrase's template and values: shown in either language
    # The steps of the rule version's playbook (JSON list), kept with the alert so that
    # an edited playbook changes the alerts to come, not the ticks on this one.
    playbook = long_text()
    # The ticket that raised it; a repeat alert links every ticket it covers in AlertTicket.
    ticket = ForeignKeyField(Ticket, on_delete="RESTRICT", backref="+", index=False)
    raised_at = time_column()
    state = CharField(max_length=16, default="new", constraints=_default("'new'"))
    # While the alert is open, what it is about ("mass:t42", "repeated:e7"): the unique
    # index makes a second evaluation, on any workstation, find it instead of raising twin.
    open_key = CharField(max_length=100, null=True, unique=True)
    # The same, kept after the alert is resolved: a cause once raised for and resolved
    # (a deadline passed) is not raised for again by the next sweep.
    cause = str_column(100, index=True)
    assigned_to = ForeignKeyField(User, null=True, on_delete="RESTRICT", backref="+", index=False)
    acknowledged_by = ForeignKeyField(
        User, null=True, on_delete="RESTRICT", backref="+", index=False
    )
    acknowledged_at = DateTimeField(null=True)
    resolved_by = ForeignKeyField(User, null=True, on_delete="RESTRICT", backref="+", index=False)
    resolved_at = DateTimeField(null=True)
    resolution = long_text()

    class Meta:
        indexes = ((("state", "raised_at"), False),)


class AlertTicket(BaseModel):
    alert = ForeignKeyField(Alert, on_delete="RESTRICT", backref="links", index=False)
    ticket = ForeignKeyField(Ticket, on_delete="RESTRICT", backref="+")

    class Meta:
        primary_key = CompositeKey("alert", "ticket")


class AlertEvent(BaseModel):
    """An alert's history: raised, acknowledged, assigned, a playbook step ticked..."""

    id = AutoField()
    alert = ForeignKeyField(Alert, on_delete="RESTRICT", backref="events")
    at = time_column()
    # None when the rules or the time-limit sweep acted, not a person.
    actor = ForeignKeyField(User, null=True, on_delete="RESTRICT", index=False)
    action = CharField(max_length=32)
    note = long_text()


class PlaybookTick(BaseModel):
    """A playbook step ticked off on an alert, with the step's words as they were then."""

    alert = ForeignKeyField(Alert, on_delete="RESTRICT", backref="ticks", index=False)
    step = IntegerField()
    text = str_column(500)
    ticked_by = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    ticked_at = time_column()

    class Meta:
        primary_key = CompositeKey("alert", "step")


class Reminder(BaseModel):
    """催办: the centre presses a unit to act on a ticket it holds."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, on_delete="RESTRICT", backref="reminders")
    unit = ForeignKeyField(OrgUnit, on_delete="RESTRICT", index=False)
    sent_by = ForeignKeyField(User, on_delete="RESTRICT", index=False)
    sent_at = time_column()
    note = long_text()


class TicketSequence(BaseModel):
    """The last ticket number handed out per day; rows are locked while a number is drawn."""

    day = CharField(max_length=8, primary_key=True)
    last_value = int_column()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    SchemaInfo,
    OrgUnit,
    User,
    Category,
    EmploymentForm,
    Industry,
    CalendarOverride,
    Caller,
    Employer,
    Call,
    Ticket,
    TicketEvent,
    Assignment,
    Instruction,
    Payment,
    Mediation,
    ExtensionRequest,
    TicketSequence,
    RiskRuleSet,
    Alert,
    AlertTicket,
    AlertEvent,
    PlaybookTick,
    Reminder,
)
