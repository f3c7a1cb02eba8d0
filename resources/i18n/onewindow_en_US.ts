<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>CurrentTicketPanel</name>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="34" />
        <source>当前号</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="39" />
        <source>按 F1 叫下一位</source>
        <translation>Press F1 to call the next ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="51" />
        <source>没有正在办理的号，按 F1 叫下一位</source>
        <translation>No ticket at this window; press F1 to call the next</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/staff/current_ticket.py" line="58" />
        <source>已重呼 %n 次</source>
        <translation>
            <numerusform>Recalled %n time(s)</numerusform><numerusform>Recalled %n time(s)</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="60" />
        <source>事项: </source>
        <translation>Matters: </translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../app/ui/display/display_window.py" line="58" />
        <source>一窗通 · 叫号屏</source>
        <translation>OneWindow · Calling display</translation>
    </message>
    <message>
        <location filename="../../app/ui/display/display_window.py" line="77" />
        <source>正在呼叫</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../app/ui/display/display_window.py" line="93" />
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../app/ui/display/display_window.py" line="107" />
        <source>各类业务等待人数</source>
        <translation>Waiting by service</translation>
    </message>
    <message>
        <location filename="../../app/ui/display/display_window.py" line="138" />
        <source>请到 %1 号窗口</source>
        <translation>Please go to window %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/display/display_window.py" line="146" />
        <source>%1 → %2 号窗口</source>
        <translation>%1 → window %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/display/display_window.py" line="163" />
        <source>%n 人</source>
        <translation>
            <numerusform>%n waiting</numerusform><numerusform>%n waiting</numerusform></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/staff/login_dialog.py" line="26" />
        <source>一窗通 · 窗口登录</source>
        <translation>OneWindow · Window login</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/login_dialog.py" line="28" />
        <location filename="../../app/ui/staff/login_dialog.py" line="44" />
        <source>工号</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/login_dialog.py" line="31" />
        <location filename="../../app/ui/staff/login_dialog.py" line="45" />
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/login_dialog.py" line="40" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/login_dialog.py" line="46" />
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/login_dialog.py" line="67" />
        <source>登录失败</source>
        <translation>Login failed</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="12" />
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="13" />
        <source>长者优先</source>
        <translation>Elderly priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="14" />
        <source>残障优先</source>
        <translation>Disability priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="15" />
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="65" />
        <source>一窗通 · %1 号窗口</source>
        <translation>OneWindow · Window %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="88" />
        <source>叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="89" />
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="90" />
        <source>开始办理</source>
        <translation>Start service</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="91" />
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="92" />
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="93" />
        <source>暂挂</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="94" />
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="95" />
        <source>恢复暂挂</source>
        <translation>Resume parked</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="96" />
        <location filename="../../app/ui/staff/staff_window.py" line="247" />
        <source>暂停窗口</source>
        <translation>Pause window</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="142" />
        <source>暂无等待的号</source>
        <translation>Nobody is waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="146" />
        <source>本窗口当前没有号</source>
        <translation>There is no ticket at this window</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="162" />
        <source>没有暂挂的号</source>
        <translation>No parked tickets</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="227" />
        <source>开放</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="227" />
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="227" />
        <source>关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="229" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="229" />
        <source>服务类别</source>
        <translation>Serves</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/staff/staff_window.py" line="233" />
        <source>本窗口可叫的等待号: %n 个</source>
        <translation>
            <numerusform>Waiting for this window: %n</numerusform><numerusform>Waiting for this window: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="238" />
        <source>今日: 叫号 %1 · 办结 %2 · 过号 %3 · 转出 %4 · 平均办理(分钟) %5 · 暂挂: %6</source>
        <translation>Today: called %1 · finished %2 · no-show %3 · transferred %4 · avg service (min) %5 · parked: %6</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/staff_window.py" line="247" />
        <source>恢复窗口</source>
        <translation>Resume window</translation>
    </message>
</context>
<context>
    <name>TakeTicketWindow</name>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="42" />
        <source>一窗通 · 取号</source>
        <translation>OneWindow · Take a ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="46" />
        <source>请选择要办理的业务</source>
        <translation>Choose the service you need</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="61" />
        <source>完成，返回首页</source>
        <translation>Done, back to start</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="88" />
        <source>窗口未开放</source>
        <translation>No window open</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="90" />
        <source>无需等待</source>
        <translation>No wait</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="92" />
        <source>约 %1 分钟</source>
        <translation>about %1 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="93" />
        <source>等待 %1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="124" />
        <source>您的号码 %1，前面还有 %2 人，预计等待约 %3 分钟</source>
        <translation>Your number is %1: %2 ahead of you, about %3 minutes</translation>
    </message>
</context>
<context>
    <name>TicketStatus</name>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="19" />
        <source>等待中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="20" />
        <source>已叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="21" />
        <source>办理中</source>
        <translation>Being served</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="22" />
        <source>暂挂</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="23" />
        <source>已完成</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="24" />
        <source>已过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/current_ticket.py" line="25" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../app/ui/staff/transfer_dialog.py" line="24" />
        <source>转移当前号</source>
        <translation>Transfer the current ticket</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/transfer_dialog.py" line="25" />
        <source>转到业务类别</source>
        <translation>To a service category</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/transfer_dialog.py" line="26" />
        <source>转到指定窗口</source>
        <translation>To a specific window</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/transfer_dialog.py" line="38" />
        <source>插到队首（优先办理）</source>
        <translation>Put at the front of the line</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="16" />
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="17" />
        <source>长者</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="18" />
        <source>残障</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="19" />
        <source>绿色通道</source>
        <translation>Green channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="29" />
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="30" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="31" />
        <source>优先</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="32" />
        <source>取号时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../app/ui/staff/waiting_model.py" line="33" />
        <source>已等(分)</source>
        <translation>Waited (min)</translation>
    </message>
</context>
</TS>