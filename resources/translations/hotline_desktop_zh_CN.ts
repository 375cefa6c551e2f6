<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>12351 Hotline Desk</source>
        <translation>12351 工会服务职工热线工单系统</translation>
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
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Changes take effect when the app starts again.</source>
        <translation>更改将在下次启动程序时生效。</translation>
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
</context>
<context>
    <name>TicketTableModel</name>
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
        <translation>诉求类别</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电号码</translation>
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
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>12351 Hotline Desk</source>
        <translation>12351 工会服务职工热线工单系统</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>无法打开数据库：
%1</translation>
    </message>
</context>
</TS>
