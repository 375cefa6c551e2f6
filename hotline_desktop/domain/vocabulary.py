"""The hotline's fixed vocabulary: every enum carries its Chinese and English name.

The values are what the database stores, so they never change once released;
the names are what people read.
"""

from __future__ import annotations

from enum import StrEnum

from .language import Language


class Labelled(StrEnum):
    """A string enum whose members carry a Chinese and an English label."""

    def __new__(cls, value: str, zh: str, en: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.zh = zh
        member.en = en
        return member

    def label(self, language: str = Language.CHINESE) -> str:
        return Language.of(language).pick(self.zh, self.en)


class Role(Labelled):
    AGENT = "agent", "话务员", "Agent"
    DISPATCHER = "dispatcher", "派单员", "Dispatcher"
    UNIT_HANDLER = "unit_handler", "承办人", "Unit handler"
    SUPERVISOR = "supervisor", "督办/质检", "Supervisor"
    LEADER = "leader", "领导", "Leader"
    ADMIN = "admin", "管理员", "Administrator"


class TicketStatus(Labelled):
    NEW = "new", "待派单", "Awaiting dispatch"
    DISPATCHED = "dispatched", "已派单", "Dispatched"
    IN_PROGRESS = "in_progress", "办理中", "In progress"
    COMPLETED = "completed", "已办结", "Completed"
    CALLED_BACK = "called_back", "已回访", "Called back"
    ARCHIVED = "archived", "已归档", "Archived"
    MERGED = "merged", "已合并", "Merged"

    @classmethod
    def open_statuses(cls) -> tuple[TicketStatus, ...]:
        """Statuses of tickets that still need somebody's work before the callback."""
        return (cls.NEW, cls.DISPATCHED, cls.IN_PROGRESS)


class HandlingMethod(Labelled):
    DISPATCH = "dispatch", "派单", "Dispatch"
    OFFICE = "office", "办单", "Handle in office"
    MEDIATION = "mediation", "调单", "Mediation"


class CallKind(Labelled):
    CONSULTATION = "consultation", "咨询", "Consultation"
    REQUEST = "request", "求决", "Request to resolve"
    SUGGESTION = "suggestion", "意见建议", "Suggestion"
    PRAISE = "praise", "表扬", "Praise"
    INVALID = "invalid", "无效来电", "Invalid call"


class Urgency(Labelled):
    NORMAL = "normal", "一般", "Normal"
    URGENT = "urgent", "紧急", "Urgent"


class Channel(Labelled):
    PHONE = "phone", "电话", "Phone"
    NATIONAL = "national", "全总转办", "National federation"
    ONLINE = "online", "网络平台", "Online"
    WALK_IN = "walk_in", "来访", "Walk-in"
    LETTER = "letter", "来信", "Letter"


class TicketOrigin(Labelled):
    """Who dispatched the ticket first: decides which leader instructs it (批示)."""

    PROVINCE = "province", "省总派单", "Provincial dispatch"
    NATIONAL = "national", "全总派单", "National federation dispatch"


class Satisfaction(Labelled):
    SATISFIED = "satisfied", "满意", "Satisfied"
    BASICALLY_SATISFIED = "basic", "基本满意", "Basically satisfied"
    UNSATISFIED = "unsatisfied", "不满意", "Unsatisfied"
    UNREACHABLE = "unreachable", "未能联系", "Could not be reached"


class UnitKind(Labelled):
    NATIONAL = "national", "全国总工会", "National federation"
    PROVINCIAL = "provincial", "省总工会", "Provincial federation"
    DEPARTMENT = "department", "省总部门", "Provincial department"
    CENTRE = "centre", "热线中心", "Hotline centre"
    OFFICE = "office", "热线领导小组办公室", "Hotline leading-group office"
    MEDIATION = "mediation", "调解工作室", "Mediation studio"
    CITY = "city", "市总工会", "City federation"
    DISTRICT = "district", "区县工会", "District or county union"
    SEPARATE = "separate", "单列管理单位", "Separately managed unit"
    DIRECT = "direct", "直属单位", "Directly affiliated unit"
    ENTERPRISE = "enterprise", "企业工会", "Enterprise union"
    PARTNER = "partner", "协作部门", "Partner body"


class AssignmentRole(Labelled):
    LEAD = "lead", "主办", "Lead"
    CO = "co", "协办", "Co-handling"


class AssignmentState(Labelled):
    DISPATCHED = "dispatched", "待签收", "Awaiting signature"
    SIGNED = "signed", "已签收", "Signed"
    DELEGATED = "delegated", "已下派", "Dispatched further down"
    REPORTED = "reported", "已反馈", "Result reported"
    RETURNED = "returned", "已退回", "Returned"
    WITHDRAWN = "withdrawn", "已收回提级", "Withdrawn on escalation"
    COMPLETED = "completed", "已办结", "Completed"
