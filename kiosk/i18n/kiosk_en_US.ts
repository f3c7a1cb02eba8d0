<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AfterHoursScreen</name>
    <message>
        <source>窗口已下班</source>
        <translation>Windows closed</translation>
    </message>
    <message>
        <source>现在不是窗口办公时间,暂停取号。以下自助服务 24 小时可用:</source>
        <translation>The service windows are closed, so no tickets now. These self-services work 24 hours:</translation>
    </message>
    <message>
        <source>办件进度查询</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>也可以通过政务服务网或手机App在线预约和查询</source>
        <translation>You can also book and check online on the government service website or app</translation>
    </message>
    <message>
        <source>现在不是办公时间,暂停取号。您可以查询进度、查看办事指南或评价。</source>
        <translation>The windows are closed and no tickets are issued. You can check progress, read the service guide or rate our service.</translation>
    </message>
</context>
<context>
    <name>AppointmentScreen</name>
    <message>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>请扫描预约二维码,或输入6位预约码</source>
        <translation>Scan your appointment QR code or enter the 6-digit code</translation>
    </message>
    <message>
        <source>预约码</source>
        <translation>Appointment code</translation>
    </message>
    <message>
        <source>签到取号</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>! 请输入预约码</source>
        <translation>! Please enter the appointment code</translation>
    </message>
    <message>
        <source>请扫描预约二维码,或输入预约码。</source>
        <translation>Please scan your appointment QR code or enter the code.</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>24小时自助服务</source>
        <translation>24-hour self-service</translation>
    </message>
    <message>
        <source>取号 · 预约签到 · 进度查询 · 办事指南 · 服务评价</source>
        <translation>Tickets · Appointments · Case progress · Service guide · Rating</translation>
    </message>
</context>
<context>
    <name>CategoryScreen</name>
    <message>
        <source>取号 · 请选择业务类别</source>
        <translation>Take a ticket · Choose a service</translation>
    </message>
    <message>
        <source>实名取号(70岁及以上长辈优先)</source>
        <translation>Real-name ticket (priority for 70+)</translation>
    </message>
    <message>
        <source>{prefix} {name}
等候 {waiting} 人</source>
        <translation>{prefix} {name}
{waiting} waiting</translation>
    </message>
    <message>
        <source>请选择要办理的业务类别。长辈可先点实名取号,享受优先。</source>
        <translation>Please choose a service. Seniors can tap real-name ticket first to get priority.</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>输入事项名称的拼音首字母查找,如“SFZ”查身份证</source>
        <translation>Search by pinyin initials, e.g. "SFZ" for ID card</translation>
    </message>
    <message>
        <source>拼音首字母</source>
        <translation>Pinyin initials</translation>
    </message>
    <message>
        <source>没有找到相关事项,请换个关键字或咨询工作人员</source>
        <translation>Nothing found. Try other letters or ask our staff</translation>
    </message>
    <message>
        <source>请输入事项名称的拼音首字母,然后点击要查看的事项。</source>
        <translation>Enter the pinyin initials of the service, then tap the one you want.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>政务服务中心</source>
        <translation>Government Service Centre</translation>
    </message>
    <message>
        <source>24小时自助服务区 · 请选择您要办理的业务</source>
        <translation>24-hour self-service · What would you like to do?</translation>
    </message>
    <message>
        <source>取号排队</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>办件进度查询</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>也可以直接扫描号票、回执或预约二维码</source>
        <translation>You can also scan a ticket, receipt or appointment QR code</translation>
    </message>
    <message>
        <source>切换到标准版</source>
        <translation>Standard view</translation>
    </message>
    <message>
        <source>长辈版(大字·语音)</source>
        <translation>Senior mode (large text, voice)</translation>
    </message>
    <message>
        <source>如需帮助,请咨询大厅工作人员</source>
        <translation>Need help? Please ask our hall staff</translation>
    </message>
    <message>
        <source>● 窗口服务中,可以取号</source>
        <translation>● Windows open: tickets available</translation>
    </message>
    <message>
        <source>○ 窗口已下班:可查询进度、查看指南、评价</source>
        <translation>○ Windows closed: progress, guide and rating still work</translation>
    </message>
    <message>
        <source>欢迎使用自助服务。请点击屏幕上的按钮:取号、预约签到、进度查询、办事指南或服务评价。</source>
        <translation>Welcome. Tap a button: take a ticket, appointment check-in, case progress, service guide or rating.</translation>
    </message>
</context>
<context>
    <name>IdEntryScreen</name>
    <message>
        <source>实名取号 · 请输入或刷身份证</source>
        <translation>Real-name ticket · ID card</translation>
    </message>
    <message>
        <source>请将身份证放在读卡区,或用下方键盘输入18位号码</source>
        <translation>Place your ID card on the reader, or type the 18-digit number</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>确认取号</source>
        <translation>Get ticket</translation>
    </message>
    <message>
        <source>! 身份证号码有误,请核对后重新输入</source>
        <translation>! The ID number is not valid, please check and retry</translation>
    </message>
    <message>
        <source>您是长辈,将优先办理。</source>
        <translation>As a senior, you will be served first.</translation>
    </message>
    <message>
        <source>请把身份证放在读卡区,或者输入身份证号码。</source>
        <translation>Please place your ID card on the reader, or type the ID number.</translation>
    </message>
</context>
<context>
    <name>KioskBanner</name>
    <message>
        <source>▲ 号票纸即将用完,已通知工作人员</source>
        <translation>▲ Ticket paper is running low; staff have been told</translation>
    </message>
    <message>
        <source>! 号票纸已用完:取号后请用手机拍下屏幕上的二维码</source>
        <translation>! Out of ticket paper: after taking a ticket, photograph the QR code on screen</translation>
    </message>
    <message>
        <source>! 打印机离线:取号后请用手机拍下屏幕上的二维码</source>
        <translation>! Printer offline: after taking a ticket, photograph the QR code on screen</translation>
    </message>
    <message>
        <source>! 打印机状态未知:取号后请用手机拍下屏幕上的二维码</source>
        <translation>! Printer not responding: after taking a ticket, photograph the QR code on screen</translation>
    </message>
    <message>
        <source>▲ 网络中断:取号和查询照常,数据将在网络恢复后自动同步</source>
        <translation>▲ Network down: tickets and queries still work; data syncs when it is back</translation>
    </message>
    <message>
        <source>● 正在同步数据({n} 条待上传)</source>
        <translation>● Syncing data ({n} to upload)</translation>
    </message>
</context>
<context>
    <name>KioskOverlay</name>
    <message>
        <source>还在吗?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>我还在,继续办理</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <source>{s} 秒后将返回首页并清除您输入的信息</source>
        <translation>Returning to the start in {s} s and clearing what you entered</translation>
    </message>
    <message>
        <source>管理员退出</source>
        <translation>Administrator exit</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入管理员密码</source>
        <translation>Enter the administrator PIN</translation>
    </message>
</context>
<context>
    <name>KioskWidgets</name>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>! 错误次数过多,请 {m} 分钟后再试</source>
        <translation>! Too many attempts, try again in {m} min</translation>
    </message>
    <message>
        <source>! 未配置管理员密码</source>
        <translation>! No administrator PIN is configured</translation>
    </message>
    <message>
        <source>! 密码错误,还可尝试 {n} 次</source>
        <translation>! Wrong PIN, {n} attempts left</translation>
    </message>
</context>
<context>
    <name>MatterScreen</name>
    <message>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>打印材料清单</source>
        <translation>Print material list</translation>
    </message>
    <message>
        <source>为此事项取号</source>
        <translation>Take a ticket for this</translation>
    </message>
    <message>
        <source>即办件(当场办结)</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <source>承诺件</source>
        <translation>Done by a promised date</translation>
    </message>
    <message>
        <source>办理部门:{d}</source>
        <translation>Department: {d}</translation>
    </message>
    <message>
        <source>办件类型:{k}</source>
        <translation>Type: {k}</translation>
    </message>
    <message>
        <source>法定时限 {a} 个工作日,承诺时限 {b} 个工作日</source>
        <translation>Legal limit {a} working days, promised {b} working days</translation>
    </message>
    <message>
        <source>收费:{f}</source>
        <translation>Fee: {f}</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>({n} 份)</source>
        <translation> ({n} copies)</translation>
    </message>
    <message>
        <source> — 免提交(电子证照核验)</source>
        <translation> — not needed (verified electronically)</translation>
    </message>
    <message>
        <source>材料清单已打印,请取走</source>
        <translation>The material list is printed, please take it</translation>
    </message>
    <message>
        <source>! 打印机暂时无法打印,请用手机拍下本页</source>
        <translation>! The printer cannot print now; please photograph this page</translation>
    </message>
    <message>
        <source>{name},需要 {n} 份材料。</source>
        <translation>{name}: {n} materials needed.</translation>
    </message>
</context>
<context>
    <name>ProgressResultScreen</name>
    <message>
        <source>办件进度</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>承诺办结</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>受理中</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>审批中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>需补正材料</source>
        <translation>Materials needed</translation>
    </message>
    <message>
        <source>可领取</source>
        <translation>Ready for pickup</translation>
    </message>
    <message>
        <source>已领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>结果已可领取,请带身份证到 {w} 号窗口领取</source>
        <translation>Ready: bring your ID card to window {w}</translation>
    </message>
    <message>
        <source>结果已可领取,请带身份证到综合出件窗口领取</source>
        <translation>Ready: bring your ID card to the pickup window</translation>
    </message>
    <message>
        <source>请按一次性告知单补齐材料后到综合窗口提交</source>
        <translation>Please bring the missing materials listed in your notice to a window</translation>
    </message>
    <message>
        <source>您的办件状态是:{status}。</source>
        <translation>Your case status: {status}.</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>已读取受理编号,请输入身份证后4位</source>
        <translation>Receipt number read: now type the last 4 characters of your ID</translation>
    </message>
    <message>
        <source>办件进度查询</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>请扫描受理回执上的二维码,或输入受理编号和身份证后4位</source>
        <translation>Scan the QR code on your receipt, or enter the receipt number and the last 4 ID digits</translation>
    </message>
    <message>
        <source>受理编号,如 H023-20261122-0042</source>
        <translation>Receipt number, e.g. H023-20261122-0042</translation>
    </message>
    <message>
        <source>身份证后4位</source>
        <translation>Last 4 ID digits</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>! 请输入受理编号和身份证后4位</source>
        <translation>! Enter the receipt number and the last 4 ID digits</translation>
    </message>
    <message>
        <source>请扫描回执二维码,或输入受理编号和身份证后四位。</source>
        <translation>Please scan your receipt QR code, or enter the receipt number and the last four ID digits.</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <source>请扫描号票或回执上的二维码;也可输入受理编号和申请人身份证后4位</source>
        <translation>Scan the QR code on your ticket or receipt, or type the receipt number and the last 4 characters of the applicant's ID</translation>
    </message>
    <message>
        <source>受理编号,如 H023-20261122-0042</source>
        <translation>Receipt number, e.g. H023-20261122-0042</translation>
    </message>
    <message>
        <source>身份证后4位</source>
        <translation>Last 4 of ID number</translation>
    </message>
    <message>
        <source>! 请先选择一个评价等级</source>
        <translation>! Please choose a rating first</translation>
    </message>
    <message>
        <source>! 请至少选择一项不满意的原因,以便我们改进</source>
        <translation>! Please choose at least one reason, so that we can improve</translation>
    </message>
    <message>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>请扫描号票或回执上的二维码,或输入号码(如 B012)</source>
        <translation>Scan the QR code on your ticket or receipt, or enter the number (e.g. B012)</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>请选择不满意的原因(至少一项)</source>
        <translation>Why were you dissatisfied? (choose at least one)</translation>
    </message>
    <message>
        <source>提交评价</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>等候时间长</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <source>服务态度差</source>
        <translation>Unfriendly service</translation>
    </message>
    <message>
        <source>材料没有一次性告知</source>
        <translation>Missing items not told at once</translation>
    </message>
    <message>
        <source>多次跑腿</source>
        <translation>Had to come back several times</translation>
    </message>
    <message>
        <source>系统或设备故障</source>
        <translation>System or device failure</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>! 请输入号码或扫描二维码</source>
        <translation>! Enter a number or scan a QR code</translation>
    </message>
    <message>
        <source>评价:{what}</source>
        <translation>Rating: {what}</translation>
    </message>
    <message>
        <source>请为本次服务评价,从非常满意到非常不满意选择一项。</source>
        <translation>Please rate the service, from very satisfied to very dissatisfied.</translation>
    </message>
    <message>
        <source>请扫描号票或回执上的二维码。</source>
        <translation>Please scan the QR code on your ticket or receipt.</translation>
    </message>
</context>
<context>
    <name>SessionContext</name>
    <message>
        <source>系统繁忙,请稍后重试或咨询工作人员</source>
        <translation>Something went wrong; please try again or ask our staff</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <source>感谢您的评价</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>您的评价已提交。差评我们会回访并整改。</source>
        <translation>Your rating is saved. We follow up on every bad rating.</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TicketResultScreen</name>
    <message>
        <source>取号成功</source>
        <translation>Your ticket</translation>
    </message>
    <message>
        <source>长辈优先</source>
        <translation>Senior priority</translation>
    </message>
    <message>
        <source>预约优先</source>
        <translation>Appointment priority</translation>
    </message>
    <message>
        <source>前面还有 {n} 人</source>
        <translation>{n} people ahead</translation>
    </message>
    <message>
        <source>预计等待约 {m} 分钟</source>
        <translation>About {m} min wait</translation>
    </message>
    <message>
        <source>请留意叫号屏和语音叫号,过号需重新取号</source>
        <translation>Watch the display and listen for your number; a missed number needs a new ticket</translation>
    </message>
    <message>
        <source>正在打印号票…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>请从出票口取走号票</source>
        <translation>Please take your ticket from the slot</translation>
    </message>
    <message>
        <source>! 打印机暂时无法出票,请用手机拍下号码和二维码</source>
        <translation>! The printer cannot print now: photograph the number and QR code</translation>
    </message>
    <message>
        <source>您的号码是 {number},前面还有 {n} 人。</source>
        <translation>Your number is {number}. {n} people ahead.</translation>
    </message>
</context>
<context>
    <name>Wait</name>
    <message>
        <source>预计等待约 {m} 分钟</source>
        <translation>Estimated wait about {m} min</translation>
    </message>
    <message>
        <source>无需等待,请留意叫号</source>
        <translation>No wait: please watch for your number</translation>
    </message>
    <message>
        <source>暂无窗口办理此业务</source>
        <translation>No window is open for this service now</translation>
    </message>
    <message>
        <source>预计等待: 暂无估计</source>
        <translation>Estimated wait: not known yet</translation>
    </message>
</context>
</TS>