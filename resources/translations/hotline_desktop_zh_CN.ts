<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertCentre</name>
    <message>
        <source>Open alerts</source>
        <translation>未处置预警</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>预警事项</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>指派给</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Unacknowledged: %1</source>
        <translation>未确认：%1</translation>
    </message>
    <message>
        <source>Could not read the alerts: %1</source>
        <translation>无法读取预警：%1</translation>
    </message>
</context>
<context>
    <name>AlertNotifier</name>
    <message>
        <source>12351 Hotline Desk</source>
        <translation>12351热线工作台</translation>
    </message>
    <message>
        <source>New alert: %1</source>
        <translation>新预警：%1</translation>
    </message>
    <message>
        <source>%1 new alerts</source>
        <translation>%1 条新预警</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;ssign</source>
        <translation>指派(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Escalate to the office…</source>
        <translation>提级办理(&amp;E)…</translation>
    </message>
    <message>
        <source>Send a &amp;reminder…</source>
        <translation>催办(&amp;R)…</translation>
    </message>
    <message>
        <source>Res&amp;olve…</source>
        <translation>处置完毕(&amp;O)…</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>处置步骤</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处置记录</translation>
    </message>
    <message>
        <source>Choose an alert</source>
        <translation>请选择一条预警</translation>
    </message>
    <message>
        <source>time limits v%1</source>
        <translation>时限规则 v%1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>Raised: %1</source>
        <translation>触发时间：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Assigned to: %1</source>
        <translation>指派给：%1</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>处置结果：%1</translation>
    </message>
    <message>
        <source>(%1, %2)</source>
        <translation>（%1，%2）</translation>
    </message>
    <message>
        <source>the rules</source>
        <translation>系统规则</translation>
    </message>
    <message>
        <source>The ticket leaves the unit that has it, and the hotline leading-group office handles it itself.</source>
        <translation>工单从当前承办单位收回，由热线领导小组办公室直接办理。</translation>
    </message>
    <message>
        <source>Escalate to the office</source>
        <translation>提级办理</translation>
    </message>
    <message>
        <source>The unit holding the ticket sees the reminder in its queue.</source>
        <translation>承办单位将在其工单列表中看到催办。</translation>
    </message>
    <message>
        <source>Send a reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Say what was done; the alert then leaves the open list.</source>
        <translation>请说明处置情况；处置后预警将移出未处置列表。</translation>
    </message>
    <message>
        <source>%1 of the %2 playbook steps are not ticked off.</source>
        <translation>处置步骤共 %2 步，还有 %1 步未完成。</translation>
    </message>
    <message>
        <source>Resolve the alert</source>
        <translation>处置预警</translation>
    </message>
</context>
<context>
    <name>AssistantPanel</name>
    <message>
        <source>Assistant</source>
        <translation>智能助手</translation>
    </message>
    <message>
        <source>&amp;Use it</source>
        <translation>采用(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation>填入(&amp;F)</translation>
    </message>
    <message>
        <source>Untick an item to override it; tick one the assistant missed.</source>
        <translation>取消勾选可否定建议；助手漏掉的事项可自行勾选。</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>暂无建议：%1</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>From the text: %1</source>
        <translation>诉求内容提到：%1</translation>
    </message>
    <message>
        <source>Category: no suggestion yet</source>
        <translation>类别：暂无建议</translation>
    </message>
    <message>
        <source>Category: %1 (%2)</source>
        <translation>类别：%1（%2）</translation>
    </message>
    <message>
        <source>overridden by you: %1</source>
        <translation>已被您否定：%1</translation>
    </message>
    <message>
        <source>your judgement</source>
        <translation>您的研判</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>Choose what the caller said</source>
        <translation>请选择来电人的评价</translation>
    </message>
    <message>
        <source>&amp;Satisfaction</source>
        <translation>满意度(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Choose how satisfied the caller is.</source>
        <translation>请选择来电人的满意度。</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>&amp;Result</source>
        <translation>办理结果(&amp;R)</translation>
    </message>
    <message>
        <source>Recovered &amp;money</source>
        <translation>追回款项(&amp;M)</translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Di&amp;scard</source>
        <translation>丢弃(&amp;S)</translation>
    </message>
    <message>
        <source>A draft from %1 was not saved: %2</source>
        <translation>%1 的草稿尚未保存：%2</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>延期天数(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>延期理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>%1 changed ticket %2 at %3; reload it.</source>
        <translation>%1 已于 %3 修改工单 %2，请重新加载。</translation>
    </message>
    <message>
        <source>An unexpected error occurred; it has been logged.</source>
        <translation>发生意外错误，已记入日志。</translation>
    </message>
    <message>
        <source>An unexpected error occurred; the details are in %1.</source>
        <translation>发生意外错误，详细信息见 %1。</translation>
    </message>
    <message>
        <source>12351 Hotline Desk</source>
        <translation>12351热线工作台</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Earlier calls and tickets</source>
        <translation>历史来电与工单</translation>
    </message>
    <message>
        <source>Leave the phone field to see the caller&apos;s history.</source>
        <translation>填好来电号码并离开该栏后，此处显示来电人的历史记录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Looking up earlier calls…</source>
        <translation>正在查询历史来电…</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>No earlier calls from this number.</source>
        <translation>该号码此前没有来电。</translation>
    </message>
    <message>
        <source>Repeat caller: %1 earlier calls</source>
        <translation>重复来电：此前已来电 %1 次</translation>
    </message>
    <message>
        <source>last known name: %1</source>
        <translation>上次登记姓名：%1</translation>
    </message>
    <message>
        <source>Answered on the call</source>
        <translation>当场答复</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Leave empty for an anonymous caller</source>
        <translation>来电人不愿留名时可不填（匿名）</translation>
    </message>
    <message>
        <source>Employer as the caller names it</source>
        <translation>来电人所述的用人单位名称</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>输入关键字搜索</translation>
    </message>
    <message>
        <source>Optional, e.g. 12000.50</source>
        <translation>选填，如 12000.50</translation>
    </message>
    <message>
        <source>What happened, who is affected, since when</source>
        <translation>事情经过、涉及人员、起始时间</translation>
    </message>
    <message>
        <source>What the caller was told; needed when a consultation is answered on the call</source>
        <translation>向来电人答复的内容；咨询类当场答复时必填</translation>
    </message>
    <message>
        <source>Answered &amp;on the call</source>
        <translation>当场答复(&amp;O)</translation>
    </message>
    <message>
        <source>Create &amp;ticket</source>
        <translation>生成工单(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>来电号码(&amp;P)</translation>
    </message>
    <message>
        <source>Caller na&amp;me</source>
        <translation>来电人姓名(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>用人单位(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;gion</source>
        <translation>所属地区(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>所属行业(&amp;I)</translation>
    </message>
    <message>
        <source>Employment &amp;form</source>
        <translation>用工形式(&amp;F)</translation>
    </message>
    <message>
        <source>Call &amp;kind</source>
        <translation>来电类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>诉求类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Headcount</source>
        <translation>涉及人数(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Amount involved (yuan)</source>
        <translation>涉及金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>紧急程度(&amp;U)</translation>
    </message>
    <message>
        <source>Channe&amp;l</source>
        <translation>来源渠道(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>诉求内容(&amp;D)</translation>
    </message>
    <message>
        <source>Ans&amp;wer given</source>
        <translation>答复内容(&amp;W)</translation>
    </message>
    <message>
        <source>Could not read the lists of regions and categories: %1</source>
        <translation>无法读取地区和类别列表：%1</translation>
    </message>
    <message>
        <source>“%1” is not in the list: type a part of a name and pick one</source>
        <translation>“%1”不在列表中：请输入名称的一部分并从中选择</translation>
    </message>
    <message>
        <source>Not saved: correct the marked fields.</source>
        <translation>未保存：请更正标出的各项。</translation>
    </message>
    <message>
        <source>Ctrl+S: create a ticket · Ctrl+Enter: create it and take the next call</source>
        <translation>Ctrl+S：生成工单 · Ctrl+Enter：生成工单并登记下一个来电</translation>
    </message>
    <message>
        <source>Ctrl+S: answered on the call · Ctrl+Enter: log it and take the next call</source>
        <translation>Ctrl+S：当场答复 · Ctrl+Enter：登记并接听下一个来电</translation>
    </message>
    <message>
        <source>This call is saved already.</source>
        <translation>此来电已保存。</translation>
    </message>
    <message>
        <source>Warning items ticked</source>
        <translation>已勾选预警事项</translation>
    </message>
    <message>
        <source>This call is ticked for %1. An alert is raised only for a ticket: create one instead of logging the call as answered?</source>
        <translation>该来电已勾选“%1”。只有工单才会触发预警：是否改为生成工单，而不是登记为当场答复？</translation>
    </message>
    <message>
        <source>Create a &amp;ticket</source>
        <translation>生成工单(&amp;T)</translation>
    </message>
    <message>
        <source>Log as &amp;answered</source>
        <translation>仍登记为当场答复(&amp;A)</translation>
    </message>
    <message>
        <source>Ticket %1 created</source>
        <translation>已生成工单 %1</translation>
    </message>
    <message>
        <source>Call logged</source>
        <translation>来电已登记</translation>
    </message>
    <message>
        <source>The call cannot be saved: %1</source>
        <translation>无法保存此来电：%1</translation>
    </message>
    <message>
        <source>Not saved: %1. What you typed is kept; try again.</source>
        <translation>未保存：%1。已填写的内容均已保留，请重试。</translation>
    </message>
    <message>
        <source>The draft cannot be saved on this computer: %1.</source>
        <translation>草稿无法保存在本机：%1。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Restore the draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>Replace what you have typed with the draft?</source>
        <translation>用草稿替换当前已填写的内容？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>12351 Hotline Desk</source>
        <translation>12351 工会服务职工热线工单系统</translation>
    </message>
    <message>
        <source>Call intake</source>
        <translation>来电登记</translation>
    </message>
    <message>
        <source>My unit&apos;s tickets</source>
        <translation>本单位工单</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>派单队列</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单详情</translation>
    </message>
    <message>
        <source>Alert centre</source>
        <translation>预警中心</translation>
    </message>
    <message>
        <source>Unacknowledged alerts: %1</source>
        <translation>未确认预警：%1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Tickets</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <source>Risk &amp;rules…</source>
        <translation>风险规则(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Database: %1 (connected)</source>
        <translation>数据库：%1（已连接）</translation>
    </message>
    <message>
        <source>Database: %1 (not reachable: %2)</source>
        <translation>数据库：%1（无法连接：%2）</translation>
    </message>
    <message>
        <source>Risk rules saved as version %1</source>
        <translation>风险规则已保存为第 %1 版</translation>
    </message>
</context>
<context>
    <name>MediateDialog</name>
    <message>
        <source>The &amp;worker agrees to mediation</source>
        <translation>职工同意调解(&amp;W)</translation>
    </message>
    <message>
        <source>The &amp;employer agrees to mediation</source>
        <translation>用人单位同意调解(&amp;E)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>双方意愿</translation>
    </message>
    <message>
        <source>&amp;How they agreed</source>
        <translation>同意方式(&amp;H)</translation>
    </message>
    <message>
        <source>Mediation needs both the worker&apos;s and the employer&apos;s consent.</source>
        <translation>调解须经职工和用人单位双方同意。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Number of the ticket to merge into</source>
        <translation>要并入的工单编号</translation>
    </message>
    <message>
        <source>&amp;Master ticket</source>
        <translation>主工单(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the caller&apos;s phone number is required</source>
        <translation>请填写来电号码</translation>
    </message>
    <message>
        <source>“{raw}” is neither a mobile number (11 digits starting with 1) nor a landline with its area code (such as 029-88886666)</source>
        <translation>“{raw}”既不是手机号（以1开头的11位数字），也不是带区号的固定电话（如 029-88886666）</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number of people</source>
        <translation>“{value}”不是整数人数</translation>
    </message>
    <message>
        <source>at least one person is involved</source>
        <translation>涉及人数至少为1人</translation>
    </message>
    <message>
        <source>more than {limit:,} people is not plausible</source>
        <translation>涉及人数超过 {limit:,} 人，不合常理</translation>
    </message>
    <message>
        <source>“{value}”: write decimals with a point, such as 1200.50</source>
        <translation>“{value}”：小数请用小数点，如 1200.50</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money: write it as 600000 or 60万</source>
        <translation>“{value}”不是金额：请写作 600000 或 60万</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <source>an amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>more than {limit:,} yuan is not plausible</source>
        <translation>金额超过 {limit:,} 元，不合常理</translation>
    </message>
    <message>
        <source>amounts are in yuan with at most two decimals</source>
        <translation>金额以元为单位，最多两位小数</translation>
    </message>
    <message>
        <source>involves {said_as} (at least {limit})</source>
        <translation>涉及{said_as}（阈值 {limit} 人）</translation>
    </message>
    <message>
        <source>the caller&apos;s report number {count} within {days} days</source>
        <translation>来电人 {days} 天内第 {count} 次反映</translation>
    </message>
    <message>
        <source>report number {count} about “{employer}” within {days} days</source>
        <translation>{days} 天内第 {count} 次反映“{employer}”</translation>
    </message>
    <message>
        <source>amount {said_as} (at least {limit} yuan)</source>
        <translation>金额{said_as}（阈值 {limit} 元）</translation>
    </message>
    <message>
        <source>mentions {words}</source>
        <translation>含{words}</translation>
    </message>
    <message>
        <source>a list of keywords is needed</source>
        <translation>需要一组关键词</translation>
    </message>
    <message>
        <source>the list of keywords cannot be empty</source>
        <translation>关键词列表不能为空</translation>
    </message>
    <message>
        <source>at most {limit} keywords, not {count}</source>
        <translation>最多 {limit} 个关键词，现有 {count} 个</translation>
    </message>
    <message>
        <source>the keyword “{word}” is longer than {limit} characters</source>
        <translation>关键词“{word}”超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>the keyword “{word}” is not a valid pattern: {error}</source>
        <translation>关键词“{word}”不是有效的表达式，请检查括号、方括号等符号是否成对</translation>
    </message>
    <message>
        <source>the keyword “{word}” matches any text, so it would flag every ticket</source>
        <translation>关键词“{word}”能匹配任何文字，会把所有工单都标为预警</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>must be between {low} and {high}, not {value}</source>
        <translation>应在 {low} 到 {high} 之间，不能是 {value}</translation>
    </message>
    <message>
        <source>an amount greater than zero is required</source>
        <translation>金额须大于零</translation>
    </message>
    <message>
        <source>a level for each warning item is needed</source>
        <translation>每个预警事项都需要设定级别</translation>
    </message>
    <message>
        <source>“{value}” is not an alert level</source>
        <translation>“{value}”不是预警级别</translation>
    </message>
    <message>
        <source>a playbook for each warning item is needed</source>
        <translation>每个预警事项都需要处置步骤</translation>
    </message>
    <message>
        <source>the playbook for {kind} needs at least one step</source>
        <translation>“{kind}”的处置步骤至少要有一步</translation>
    </message>
    <message>
        <source>a playbook has at most {limit} steps</source>
        <translation>处置步骤最多 {limit} 步</translation>
    </message>
    <message>
        <source>a playbook step is longer than {limit} characters</source>
        <translation>有一条处置步骤超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>the text holds control characters; type it again</source>
        <translation>内容含有控制字符，请重新输入</translation>
    </message>
    <message>
        <source>this field cannot be empty</source>
        <translation>此项不能为空</translation>
    </message>
    <message>
        <source>at most {limit:,} characters ({given:,} given)</source>
        <translation>最多 {limit:,} 个字（已输入 {given:,} 个）</translation>
    </message>
    <message>
        <source>“{value}” is not one of {choices}</source>
        <translation>“{value}”不在可选范围内（{choices}）</translation>
    </message>
    <message>
        <source>choose one</source>
        <translation>请选择一项</translation>
    </message>
    <message>
        <source>unknown {field} “{code}”</source>
        <translation>未知的{field}“{code}”</translation>
    </message>
    <message>
        <source>say what the caller was told when answering on the call</source>
        <translation>当场答复时，请填写向来电人答复的内容</translation>
    </message>
    <message>
        <source>there is no ticket with id {id}</source>
        <translation>没有编号为 {id} 的工单记录</translation>
    </message>
    <message>
        <source>unknown unit “{unit}”</source>
        <translation>未知单位“{unit}”</translation>
    </message>
    <message>
        <source>the org tree has no {kind}; an admin must add one</source>
        <translation>组织架构中没有{kind}；请管理员添加</translation>
    </message>
    <message>
        <source>the ticket is held by another unit; a unit acts only on its own tickets</source>
        <translation>工单由其他单位承办；各单位只能办理本单位的工单</translation>
    </message>
    <message>
        <source>the unit has not signed for the ticket yet</source>
        <translation>承办单位尚未签收此工单</translation>
    </message>
    <message>
        <source>your unit has already signed for this ticket</source>
        <translation>本单位已签收此工单</translation>
    </message>
    <message>
        <source>the ticket was not dispatched to your unit</source>
        <translation>此工单未派给本单位</translation>
    </message>
    <message>
        <source>only a unit that holds the ticket or co-handles it, and has signed for it, may do this</source>
        <translation>只有已签收的承办或协办单位才能办理此步骤</translation>
    </message>
    <message>
        <source>the ticket came from a higher unit: report the result up to it instead</source>
        <translation>此工单由上级单位下派：请改为逐级反馈办理结果</translation>
    </message>
    <message>
        <source>the ticket came straight from the hotline centre: complete it instead</source>
        <translation>此工单由热线中心直接派发：请改为办结</translation>
    </message>
    <message>
        <source>mediation needs the consent of both the worker and the employer</source>
        <translation>调解须经职工和用人单位双方同意</translation>
    </message>
    <message>
        <source>choose a unit to dispatch to</source>
        <translation>请选择下派的单位</translation>
    </message>
    <message>
        <source>a unit dispatches further down only to units under it</source>
        <translation>只能向本单位的下级单位下派</translation>
    </message>
    <message>
        <source>the time allowed for a return has passed ({deadline})</source>
        <translation>退单期限已过（{deadline}）</translation>
    </message>
    <message>
        <source>an extension request is already waiting for a decision</source>
        <translation>已有一项延期申请等待审批</translation>
    </message>
    <message>
        <source>there is no extension request to decide</source>
        <translation>没有待审批的延期申请</translation>
    </message>
    <message>
        <source>an extension must be asked before the due date ({due})</source>
        <translation>延期须在办理期限（{due}）之前申请</translation>
    </message>
    <message>
        <source>a ticket dispatched by the national federation is instructed by a provincial leader</source>
        <translation>全总派发的工单由省总领导批示</translation>
    </message>
    <message>
        <source>the ticket has no receiving unit yet, so no leader can instruct it</source>
        <translation>工单尚无接收单位，领导无法批示</translation>
    </message>
    <message>
        <source>a provincial ticket is instructed by the main leader of the unit that received it</source>
        <translation>省总派发的工单由接收单位的主要领导批示</translation>
    </message>
    <message>
        <source>only a ticket whose caller was unsatisfied at the callback is reopened</source>
        <translation>只有回访时来电人不满意的工单才能重办</translation>
    </message>
    <message>
        <source>the caller was unsatisfied: reopen the ticket instead of archiving it</source>
        <translation>来电人不满意：请重办工单，而不是归档</translation>
    </message>
    <message>
        <source>a ticket cannot be merged into itself</source>
        <translation>工单不能并入自身</translation>
    </message>
    <message>
        <source>the master ticket is {status}; choose an open one</source>
        <translation>主工单{status}；请选择一张在办的工单</translation>
    </message>
    <message>
        <source>no unit holds the ticket to remind</source>
        <translation>没有承办单位可以催办</translation>
    </message>
    <message>
        <source>the office handles the ticket already</source>
        <translation>该工单已由办公室办理</translation>
    </message>
    <message>
        <source>this step is taken only when the ticket is {statuses}</source>
        <translation>工单状态为{statuses}时才能办理此步骤</translation>
    </message>
    <message>
        <source>only {roles} take this step; you are signed in as {role}</source>
        <translation>此步骤由{roles}办理；您当前的身份是{role}</translation>
    </message>
    <message>
        <source>{unit} ({kind}) does not take dispatched tickets</source>
        <translation>{unit}（{kind}）不接收派单</translation>
    </message>
    <message>
        <source>a unit is named twice</source>
        <translation>同一单位选了两次</translation>
    </message>
    <message>
        <source>{unit} ({kind}) does not co-handle tickets</source>
        <translation>{unit}（{kind}）不参与协办</translation>
    </message>
    <message>
        <source>an extension is 1 to {maximum} working days</source>
        <translation>延期为 1 至 {maximum} 个工作日</translation>
    </message>
    <message>
        <source>{granted} of the {maximum} working days an extension may add are granted already; at most {left} more</source>
        <translation>可延期的 {maximum} 个工作日中已批准 {granted} 个；最多还可延期 {left} 个</translation>
    </message>
    <message>
        <source>the date it was paid is required</source>
        <translation>请填写支付日期</translation>
    </message>
    <message>
        <source>a payment date cannot be in the future</source>
        <translation>支付日期不能晚于今天</translation>
    </message>
    <message>
        <source>a payment more than a year before the call is not plausible</source>
        <translation>支付日期早于来电一年以上，不合常理</translation>
    </message>
    <message>
        <source>there is no ticket numbered “{number}”</source>
        <translation>没有编号为“{number}”的工单</translation>
    </message>
    <message>
        <source>mentions “{word}”</source>
        <translation>含“{word}”</translation>
    </message>
    <message>
        <source>the alert was acknowledged already</source>
        <translation>该预警已被确认</translation>
    </message>
    <message>
        <source>alerts are assigned to active dispatchers and supervisors</source>
        <translation>预警只能指派给在岗的派单员和督办人员</translation>
    </message>
    <message>
        <source>the playbook has no step {number}</source>
        <translation>处置步骤中没有第 {number} 步</translation>
    </message>
    <message>
        <source>only dispatchers and supervisors act on alerts</source>
        <translation>只有派单员和督办人员可以处置预警</translation>
    </message>
    <message>
        <source>there is no alert {id}</source>
        <translation>不存在编号为 {id} 的预警</translation>
    </message>
    <message>
        <source>the alert is resolved already</source>
        <translation>该预警已处置完毕</translation>
    </message>
    <message>
        <source>marked by the agent who took the call</source>
        <translation>由接听话务员研判标记</translation>
    </message>
    <message>
        <source>only administrators edit the risk rules</source>
        <translation>只有管理员可以修改风险规则</translation>
    </message>
    <message>
        <source>{who} saved version {version} at {at} meanwhile; reopen the rules to start from it</source>
        <translation>{who} 已于 {at} 保存了第 {version} 版；请重新打开风险规则，在新版本上修改</translation>
    </message>
    <message>
        <source>not signed for by {at}</source>
        <translation>未在 {at} 前签收</translation>
    </message>
    <message>
        <source>due at {at}</source>
        <translation>将于 {at} 到期</translation>
    </message>
    <message>
        <source>was due at {at}</source>
        <translation>已于 {at} 到期</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the database or the disk is read-only</source>
        <translation>数据库或磁盘为只读</translation>
    </message>
    <message>
        <source>the database is kept busy by another workstation</source>
        <translation>数据库正被其他工作站占用</translation>
    </message>
    <message>
        <source>the database cannot be reached</source>
        <translation>无法连接数据库</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PaymentsTable</name>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Add payment</source>
        <translation>添加款项(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move payment</source>
        <translation>删除款项(&amp;M)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Play a sound for new high-level &amp;alerts</source>
        <translation>高级别新预警时播放提示音(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Language and theme take effect when the app starts again.</source>
        <translation>语言和主题在下次启动时生效。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Number</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>办理期限 %1</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Search number, caller, employer, description (Ctrl+F)</source>
        <translation>搜索编号、来电人、用人单位、内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Any unit</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any employment form</source>
        <translation>全部就业形态</translation>
    </message>
    <message>
        <source>Received from: any</source>
        <translation>受理起：不限</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>起 %1</translation>
    </message>
    <message>
        <source>Received until: any</source>
        <translation>受理止：不限</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>止 %1</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 tickets</source>
        <translation>共 %1 张工单</translation>
    </message>
    <message>
        <source>The tickets could not be read: %1</source>
        <translation>无法读取工单：%1</translation>
    </message>
</context>
<context>
    <name>RecordPaymentDialog</name>
    <message>
        <source>Yuan, such as 12000.50</source>
        <translation>单位：元，如 12000.50</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>支付日期(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>RiskRulesDialog</name>
    <message>
        <source>Risk rules (1155)</source>
        <translation>风险预警规则（1155）</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>时限预警</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation>保存为新版本（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>危 Danger: a caller speaks of harming themselves or others, or of extreme acts.</source>
        <translation>危：来电人表示要伤害自己或他人，或有极端言行。</translation>
    </message>
    <message>
        <source>众 Many workers: the ticket involves many workers, or collective action.</source>
        <translation>众：涉及人数众多，或有群体性行动。</translation>
    </message>
    <message>
        <source>多 Repeated reports: the same caller, or reports about the same employer, again and again within a time window (this report included).</source>
        <translation>多：同一来电人或同一用人单位在时间窗口内被反复反映（含本次）。</translation>
    </message>
    <message>
        <source>大 Large sum or impact: a large amount of money, or a matter of wide impact.</source>
        <translation>大：涉及金额大，或影响面广。</translation>
    </message>
    <message>
        <source>隐 Hidden risk: signs that the matter may spread, reach the media or go online.</source>
        <translation>隐：事态可能扩散、引起媒体关注或网络传播的苗头。</translation>
    </message>
    <message>
        <source>Alert &amp;level</source>
        <translation>预警级别(&amp;L)</translation>
    </message>
    <message>
        <source> workers</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>&amp;Headcount threshold</source>
        <translation>人数阈值(&amp;H)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> reports</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Repeat &amp;window</source>
        <translation>统计时间窗口(&amp;W)</translation>
    </message>
    <message>
        <source>Reports by the same &amp;caller</source>
        <translation>同一来电人反映次数(&amp;C)</translation>
    </message>
    <message>
        <source>Reports about the same &amp;employer</source>
        <translation>同一用人单位被反映次数(&amp;E)</translation>
    </message>
    <message>
        <source>e.g. 500000 or 50万</source>
        <translation>如 500000 或 50万</translation>
    </message>
    <message>
        <source>&amp;Amount threshold (yuan)</source>
        <translation>金额阈值（元）(&amp;A)</translation>
    </message>
    <message>
        <source>Write 500000 or 50万.</source>
        <translation>可写作 500000 或 50万。</translation>
    </message>
    <message>
        <source>Employer names match despite suffixes such as 有限公司 or 集团公司: 某建工集团 and 某建工集团有限公司 count as one employer.</source>
        <translation>用人单位名称忽略“有限公司”“集团公司”等后缀：某建工集团与某建工集团有限公司算作同一单位。</translation>
    </message>
    <message>
        <source>&amp;Danger keywords</source>
        <translation>危险言行关键词(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Collective action keywords</source>
        <translation>群体性关键词(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Major impact keywords</source>
        <translation>重大影响关键词(&amp;M)</translation>
    </message>
    <message>
        <source>Hidden risk &amp;signals</source>
        <translation>隐性风险信号(&amp;S)</translation>
    </message>
    <message>
        <source>One keyword per line; a regular expression is allowed, such as 跳楼|跳河 or 拖欠.{0,4}工资.</source>
        <translation>每行一个关键词；可用正则表达式，如 跳楼|跳河 或 拖欠.{0,4}工资。</translation>
    </message>
    <message>
        <source>&amp;Playbook (处置步骤)</source>
        <translation>处置步骤(&amp;P)</translation>
    </message>
    <message>
        <source>One step per line, in the order they are taken.</source>
        <translation>每行一步，按处置顺序填写。</translation>
    </message>
    <message>
        <source>How long before its deadline a ticket is flagged as due soon, in working hours (weekends and holidays do not count). 0 turns the alert off.</source>
        <translation>距离时限多久时提示“即将超期”，按工作时间计算（周末和节假日不计）。填 0 关闭该提醒。</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Before the &amp;signing deadline</source>
        <translation>签收时限前(&amp;S)</translation>
    </message>
    <message>
        <source>Before the &amp;completion deadline</source>
        <translation>办结时限前(&amp;C)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>In force:</source>
        <translation>现行版本：</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史版本(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Note on this edit</source>
        <translation>修改说明(&amp;N)</translation>
    </message>
    <message>
        <source>Optional: why the rules change</source>
        <translation>选填：修改规则的原因</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史版本：%1</translation>
    </message>
    <message>
        <source>The risk rules could not be read: %1</source>
        <translation>无法读取风险规则：%1</translation>
    </message>
    <message>
        <source>Version %1: the shipped defaults</source>
        <translation>第 %1 版：系统默认规则</translation>
    </message>
    <message>
        <source>Version %1, saved by %2 at %3</source>
        <translation>第 %1 版，%2 于 %3 保存</translation>
    </message>
    <message>
        <source>shipped defaults</source>
        <translation>系统默认规则</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1.</source>
        <translation>未保存：%1。</translation>
    </message>
    <message>
        <source>Not saved: %1. What you typed is kept; try again.</source>
        <translation>未保存：%1。已填写的内容均已保留，请重试。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not saved: correct the marked field. The rules in force are unchanged.</source>
        <translation>未保存：请更正标出的字段。现行规则未变。</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Throw away your changes to the risk rules? The rules in force stay.</source>
        <translation>放弃对风险规则的修改吗？现行规则保持不变。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — 12351 Hotline Desk</source>
        <translation>登录 — 12351 工会服务职工热线工单系统</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>This database has no users yet. Start the app with --demo, or create one: hotline-desktop create-user NAME --role admin --unit sx-centre</source>
        <translation>此数据库还没有用户。请用 --demo 启动程序，或先创建用户：hotline-desktop create-user 用户名 --role admin --unit sx-centre</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>未能登录：%1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>This step cannot be taken now: %1</source>
        <translation>现在不能办理此步骤：%1</translation>
    </message>
    <message>
        <source>The step was not taken: %1. What you typed is kept; try again.</source>
        <translation>操作未完成：%1。已填写的内容已保留，请重试。</translation>
    </message>
    <message>
        <source>Reloading the ticket…</source>
        <translation>正在重新载入工单…</translation>
    </message>
    <message>
        <source>%1 changed ticket %2 at %3 while you were working on it. The ticket has been reloaded and what you typed is kept: check the ticket, then submit again.</source>
        <translation>在您办理期间，%1 于 %3 修改了工单 %2。工单已重新载入，您填写的内容已保留：请核对工单后再次提交。</translation>
    </message>
    <message>
        <source>Ticket %1 has changed and this step is no longer available.</source>
        <translation>工单 %1 已变更，此步骤已不可办理。</translation>
    </message>
    <message>
        <source>payment %1</source>
        <translation>第%1笔款项</translation>
    </message>
</context>
<context>
    <name>TextStepDialog</name>
    <message>
        <source>The hotline leading-group office will handle this ticket itself.</source>
        <translation>本工单将由热线领导小组办公室直接办理。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Instruction</source>
        <translation>批示内容(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>办理进展(&amp;P)</translation>
    </message>
    <message>
        <source>The result goes back to the unit that passed the ticket down.</source>
        <translation>办理结果将反馈给下派本工单的单位。</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>办理结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>The ticket goes back to whoever sent it.</source>
        <translation>工单将退回派单方。</translation>
    </message>
    <message>
        <source>The ticket goes back to dispatch and starts over.</source>
        <translation>工单将回到待派单，重新办理。</translation>
    </message>
    <message>
        <source>Archive this ticket? It leaves the working lists for good.</source>
        <translation>确定归档此工单？归档后将不再出现在办理列表中。</translation>
    </message>
    <message>
        <source>The unit holding the ticket sees the reminder in its queue.</source>
        <translation>承办单位将在其工单列表中看到催办。</translation>
    </message>
    <message>
        <source>The ticket leaves the unit that has it, and the hotline leading-group office handles it itself.</source>
        <translation>工单从当前承办单位收回，由热线领导小组办公室直接办理。</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Employment form</source>
        <translation>就业形态</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>涉及人数</translation>
    </message>
    <message>
        <source>Amount involved</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Complex case</source>
        <translation>疑难工单</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>办理</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>办理方式</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Holding unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>Sign by</source>
        <translation>签收期限</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Awaiting a decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>已并入</translation>
    </message>
    <message>
        <source>Warning items</source>
        <translation>预警事项</translation>
    </message>
    <message>
        <source>Overridden at intake</source>
        <translation>登记时被否定的预警</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>催办次数</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退单次数</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重办次数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Call back by</source>
        <translation>回访期限</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>批示</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>双方意愿</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The ticket cannot be shown: %1</source>
        <translation>无法显示工单：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>worker: %1, employer: %2</source>
        <translation>职工：%1，用人单位：%2</translation>
    </message>
    <message>
        <source>Timeline (%1)</source>
        <translation>办理记录（%1）</translation>
    </message>
    <message>
        <source>Instructions (%1)</source>
        <translation>领导批示（%1）</translation>
    </message>
    <message>
        <source>Payments (%1)</source>
        <translation>追回款项（%1）</translation>
    </message>
    <message>
        <source>Units (%1)</source>
        <translation>承办单位（%1）</translation>
    </message>
    <message>
        <source>Extensions (%1)</source>
        <translation>延期申请（%1）</translation>
    </message>
    <message>
        <source>Mediation (%1)</source>
        <translation>调解（%1）</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Rule version</source>
        <translation>规则版本</translation>
    </message>
    <message>
        <source>awaiting a decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>TimeLeft</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>Signing overdue by %1</source>
        <translation>签收已超时 %1</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>办理已超时 %1</translation>
    </message>
    <message>
        <source>Callback overdue by %1</source>
        <translation>回访已超时 %1</translation>
    </message>
    <message>
        <source>Sign within %1</source>
        <translation>剩余签收时间 %1</translation>
    </message>
    <message>
        <source>Complete within %1</source>
        <translation>剩余办理时间 %1</translation>
    </message>
    <message>
        <source>Call back within %1</source>
        <translation>剩余回访时间 %1</translation>
    </message>
</context>
<context>
    <name>UnitStepDialog</name>
    <message>
        <source>&amp;Units</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>Type to find a unit; Enter or a double click makes it the lead unit. Tick the units that co-handle (Space ticks the highlighted one).</source>
        <translation>输入名称查找单位；按回车或双击设为主办单位。勾选协办单位（空格键勾选当前单位）。</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>Choose the unit under yours that will handle the ticket: type to find it, then Enter or a double click.</source>
        <translation>选择本单位下属的承办单位：输入名称查找，然后按回车或双击。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Lead unit: %1</source>
        <translation>主办单位：%1</translation>
    </message>
    <message>
        <source>Co-handling: %1</source>
        <translation>协办单位：%1</translation>
    </message>
    <message>
        <source>Choose the lead unit in the tree.</source>
        <translation>请在单位树中选择主办单位。</translation>
    </message>
</context>
<context>
    <name>UnitTree</name>
    <message>
        <source>Type to find a unit (Chinese or English name)</source>
        <translation>输入单位名称查找（中文或英文）</translation>
    </message>
    <message>
        <source>Make the &amp;lead unit</source>
        <translation>设为主办单位(&amp;L)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>无法打开数据库：
%1</translation>
    </message>
</context>
</TS>
