<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
    <context>
        <name>ApplicantForm</name>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="39" />
            <source>② 申请人</source>
            <translation>② Applicant</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="42" />
            <source>个人</source>
            <translation>Person</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="43" />
            <source>单位（企业）</source>
            <translation>Organisation (company)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="49" />
            <source>手机或座机，办结后通知领取</source>
            <translation>Mobile or landline; we call when the result is ready</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="52" />
            <source>由代理人 / 经办人办理</source>
            <translation>Handled by an agent</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="59" />
            <source>已核验授权委托书（或监护关系证明）</source>
            <translation>Power of attorney (or guardianship proof) verified</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="61" />
            <location filename="../../app/ui/intake/applicant_form.py" line="67" />
            <location filename="../../app/ui/intake/applicant_form.py" line="97" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="62" />
            <location filename="../../app/ui/intake/applicant_form.py" line="69" />
            <location filename="../../app/ui/intake/applicant_form.py" line="98" />
            <source>身份证号</source>
            <translation>Resident ID number</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="66" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="72" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="74" />
            <source>联系地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="75" />
            <source>保存申请人</source>
            <translation>Save applicant</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="97" />
            <source>单位名称</source>
            <translation>Organisation name</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="98" />
            <source>统一社会信用代码</source>
            <translation>Unified social credit code</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="115" />
            <location filename="../../app/ui/intake/applicant_form.py" line="123" />
            <source>号码有效</source>
            <translation>Number is valid</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/applicant_form.py" line="119" />
            <source>格式正确</source>
            <translation>Format is valid</translation>
        </message>
    </context>
    <context>
        <name>BackofficeWindow</name>
        <message>
            <source>不予许可</source>
            <translation>Refuse</translation>
        </message>
        <message>
            <source>请写明不予许可的理由（将告知申请人）：</source>
            <translation>Give the reason for the refusal (the applicant will be told):</translation>
        </message>
        <message>
            <source>确认</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>确认对办件 %1 执行“%2”？</source>
            <translation>Do “%2” for case %1?</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="84" />
            <source>一窗通 · 后台审批</source>
            <translation>OneWindow · Back-office review</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="95" />
            <source>后台审批</source>
            <translation>Back-office review</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="139" />
            <source>出件（核验身份）</source>
            <translation>Hand out (check identity)</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="169" />
            <source>共 %1 件 · 超期 %2 件</source>
            <translation>%1 cases · %2 overdue</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="212" />
            <source>需补正</source>
            <translation>Needs supplement</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="212" />
            <source>请写明需要申请人补正的内容：</source>
            <translation>Describe what the applicant must supplement:</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="230" />
            <source>出件</source>
            <translation>Hand out</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="231" />
            <source>请读取或输入领取人（申请人或代理人）的身份证号：</source>
            <translation>Read or type the ID number of the person collecting (applicant or agent):</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="73" />
            <source>③ 材料清单</source>
            <translation>③ Materials</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="94" />
            <source>添加文件…</source>
            <translation>Add files…</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="95" />
            <source>扫描</source>
            <translation>Scan</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="96" />
            <source>电子证照已核验</source>
            <translation>E-licence verified</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="97" />
            <source>告知承诺</source>
            <translation>Signed commitment</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="98" />
            <source>不适用</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="99" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="129" />
            <source>前移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="130" />
            <source>后移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="131" />
            <source>查看</source>
            <translation>View</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="132" />
            <source>移除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="154" />
            <source>说明理由并放行</source>
            <translation>Accept with a reason</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/checklist_panel.py" line="226" />
            <source>选择“%1”的扫描件</source>
            <translation>Choose the scans for "%1"</translation>
        </message>
    </context>
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
                <numerusform>Recalled %n time(s)</numerusform>
                <numerusform>Recalled %n time(s)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/current_ticket.py" line="60" />
            <source>事项: </source>
            <translation>Matters: </translation>
        </message>
    </context>
    <context>
        <name>DecisionBar</name>
        <message>
            <source>未配置回执打印机（printers.json 中的 %1）：回执没有打印，已保存 PDF %2</source>
            <translation>No receipt printer configured (%1 in printers.json): the receipt was not printed; the PDF is saved at %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="45" />
            <source>一次性告知</source>
            <translation>One-time notice</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="46" />
            <location filename="../../app/ui/intake/intake_actions.py" line="127" />
            <source>不予受理</source>
            <translation>Refuse</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="47" />
            <source>容缺受理</source>
            <translation>Accept with missing items</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="48" />
            <source>受理</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="49" />
            <source>打印回执</source>
            <translation>Print receipt</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="127" />
            <source>请写明不予受理的理由，将告知申请人并记录在办件中。</source>
            <translation>State the reason for refusing; it is told to the applicant and recorded in the case.</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="132" />
            <source>已不予受理</source>
            <translation>Refused</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="140" />
            <source>已受理，受理编号 %1</source>
            <translation>Accepted, receipt number %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="157" />
            <source>一次性告知书 %1</source>
            <translation>One-time notice %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="159" />
            <source>结束本次受理（申请人补齐后再来）</source>
            <translation>End this intake (the applicant returns with everything)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="169" />
            <source>一次性告知书已生成：%1</source>
            <translation>One-time notice created: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_actions.py" line="189" />
            <source>受理回执 %1</source>
            <translation>Receipt %1</translation>
        </message>
    </context>
    <context>
        <name>DeficiencyDialog</name>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="65" />
            <location filename="../../app/ui/intake/dialogs.py" line="78" />
            <source>容缺受理</source>
            <translation>Accept with missing items</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="67" />
            <source>以下材料允许容缺，受理后由申请人在期限内补交：</source>
            <translation>These materials may be supplied after acceptance, by the deadline:</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="69" />
            <source>使用默认补交期限（本中心规定的工作日数）</source>
            <translation>Use the default deadline (this centre's working days)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="79" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>DisplayWindow</name>
        <message>
            <source>无语音播报</source>
            <translation>No voice</translation>
        </message>
        <message>
            <source>本机没有可用的普通话语音：叫号只显示和提示音。运行 onewindow doctor 查看如何安装</source>
            <translation>No Mandarin voice on this PC: calls are shown and chimed only. Run onewindow doctor to see how to install one</translation>
        </message>
        <message>
            <source>%1 号窗口 暂无人值守</source>
            <translation>Window %1 unattended</translation>
        </message>
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
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImagePreview</name>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="119" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>IntakeLabels</name>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="49" />
            <source>在办（全部未出件）</source>
            <translation>Open (not yet handed out)</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="52" />
            <source>待审查</source>
            <translation>To review</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="53" />
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="65" />
            <location filename="../../app/ui/intake/labels.py" line="51" />
            <source>需补正</source>
            <translation>Needs supplement</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="54" />
            <location filename="../../app/ui/intake/labels.py" line="54" />
            <source>待领取</source>
            <translation>Ready for pickup</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="55" />
            <location filename="../../app/ui/intake/labels.py" line="55" />
            <source>已出件</source>
            <translation>Handed out</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="56" />
            <location filename="../../app/ui/backoffice/case_model.py" line="116" />
            <source>超期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="61" />
            <source>流转部门</source>
            <translation>Send to department</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="62" />
            <source>开始审查 / 补正已收到</source>
            <translation>Start review / supplement received</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="63" />
            <location filename="../../app/ui/intake/labels.py" line="52" />
            <source>准予许可</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="64" />
            <location filename="../../app/ui/intake/labels.py" line="53" />
            <source>不予许可</source>
            <translation>Reject</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/backoffice_window.py" line="66" />
            <source>办结待领取</source>
            <translation>Done, ready for pickup</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="21" />
            <source>开始受理</source>
            <translation>Intake started</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="22" />
            <source>登记申请人</source>
            <translation>Applicant registered</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="23" />
            <source>更改事项</source>
            <translation>Matters changed</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="24" />
            <source>添加材料文件</source>
            <translation>File added</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="25" />
            <source>移除材料文件</source>
            <translation>File removed</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="26" />
            <source>恢复材料文件</source>
            <translation>File restored</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="27" />
            <source>材料免交/承诺/不适用</source>
            <translation>Material exempt / committed / not applicable</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="28" />
            <source>放行检查结果</source>
            <translation>Check finding accepted</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="29" />
            <source>出具一次性告知书</source>
            <translation>One-time notice issued</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="30" />
            <source>告知后结束受理</source>
            <translation>Ended after notice</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="31" />
            <source>受理</source>
            <translation>Accept</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="32" />
            <source>容缺受理</source>
            <translation>Accept with missing items</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="33" />
            <location filename="../../app/ui/intake/labels.py" line="47" />
            <source>不予受理</source>
            <translation>Refuse</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="34" />
            <source>状态变更</source>
            <translation>Status changed</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="35" />
            <source>补交容缺材料</source>
            <translation>Missing item supplied</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="36" />
            <source>出件</source>
            <translation>Hand out</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="41" />
            <source>窗口</source>
            <translation>Window</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="42" />
            <source>审批人员</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="43" />
            <source>值班主任</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="49" />
            <source>受理编号</source>
            <translation>Receipt number</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="50" />
            <location filename="../../app/ui/intake/models.py" line="71" />
            <source>事项</source>
            <translation>Matter</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="51" />
            <source>申请人</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="52" />
            <location filename="../../app/ui/intake/models.py" line="107" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="53" />
            <source>承诺办结</source>
            <translation>Promised by</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="54" />
            <source>剩余工作日</source>
            <translation>Working days left</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="55" />
            <source>容缺</source>
            <translation>Missing items</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="123" />
            <source>已超 %1</source>
            <translation>%1 over</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="128" />
            <source>待补（%1 前）</source>
            <translation>Owed (by %1)</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="140" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="141" />
            <source>经过</source>
            <translation>What happened</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/case_model.py" line="142" />
            <source>经办</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="17" />
            <source>合格</source>
            <translation>Passed</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="18" />
            <source>无需提交</source>
            <translation>Not required</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="19" />
            <source>未提交</source>
            <translation>Not supplied</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="20" />
            <source>不合格</source>
            <translation>Failed</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="21" />
            <source>需确认</source>
            <translation>To confirm</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="22" />
            <source>检查中…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="33" />
            <source>不合格，须重新提交</source>
            <translation>Failed, must be resubmitted</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="34" />
            <source>需确认，可说明理由放行</source>
            <translation>To confirm: accept with a reason</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="35" />
            <source>提示</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="40" />
            <source>电子证照已核验，免提交</source>
            <translation>E-licence verified, not required</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="41" />
            <source>已签告知承诺书</source>
            <translation>Commitment signed</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="42" />
            <source>不适用</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="45" />
            <source>受理中</source>
            <translation>In intake</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="46" />
            <source>已一次性告知</source>
            <translation>Notice given</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="48" />
            <source>已受理</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="49" />
            <source>已流转部门</source>
            <translation>With department</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="50" />
            <source>审查中</source>
            <translation>In review</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="58" />
            <source>即办件</source>
            <translation>On the spot</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="59" />
            <source>承诺件</source>
            <translation>By a date</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="60" />
            <source>一件事</source>
            <translation>Bundle</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="75" />
            <source>原件 %1 份</source>
            <translation>%1 original(s)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="77" />
            <source>复印件 %1 份</source>
            <translation>%1 copy(ies)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="81" />
            <source>正反两面</source>
            <translation>Both sides</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="83" />
            <source>须彩色</source>
            <translation>In colour</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="85" />
            <source>选交</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="87" />
            <source>情形：</source>
            <translation>When: </translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="89" />
            <source>可电子证照</source>
            <translation>E-licence accepted</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="91" />
            <source>可告知承诺</source>
            <translation>Commitment accepted</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="93" />
            <source>可容缺</source>
            <translation>May be supplied later</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="99" />
            <source>免费</source>
            <translation>Free</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/labels.py" line="100" />
            <source>%1 元</source>
            <translation>CNY %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="70" />
            <source>编码</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="72" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="73" />
            <source>承诺时限</source>
            <translation>Promised time</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="90" />
            <source>当场办结</source>
            <translation>Done on the spot</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="91" />
            <source>%1 个工作日</source>
            <translation>%1 working day(s)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="105" />
            <source>材料</source>
            <translation>Material</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="106" />
            <source>要求</source>
            <translation>Requirement</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="108" />
            <source>文件</source>
            <translation>Files</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="126" />
            <source>容缺待补</source>
            <translation>Owed later</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="133" />
            <source>%1 份 / %2 页</source>
            <translation>%1 file(s) / %2 page(s)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="151" />
            <source>位置</source>
            <translation>Where</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="152" />
            <source>检查结果</source>
            <translation>Finding</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="153" />
            <source>处理</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="171" />
            <source>第 %1 页</source>
            <translation>Page %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="173" />
            <source>整个文件</source>
            <translation>Whole file</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="176" />
            <source>第 %1 份</source>
            <translation>File %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="182" />
            <source>已放行：</source>
            <translation>Accepted: </translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/models.py" line="219" />
            <source>%1 页</source>
            <translation>%1 page(s)</translation>
        </message>
    </context>
    <context>
        <name>IntakeWindow</name>
        <message>
            <source>关闭受理</source>
            <translation>Close intake</translation>
        </message>
        <message>
            <source>办件还没有作出受理决定。关闭后保存为草稿，可在窗口的“本窗口办件”（F11）中继续受理。</source>
            <translation>No decision has been made on this case. It is kept as a draft: continue it from the window's Cases (F11).</translation>
        </message>
        <message>
            <source>保存草稿并关闭</source>
            <translation>Keep the draft and close</translation>
        </message>
        <message>
            <source>继续受理</source>
            <translation>Continue intake</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="90" />
            <source>一窗通 · 一窗受理</source>
            <translation>OneWindow · Unified intake</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="97" />
            <source>扫描失败：</source>
            <translation>Scanning failed: </translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="116" />
            <location filename="../../app/ui/intake/intake_window.py" line="233" />
            <source>请先选定办理事项</source>
            <translation>Choose the matter first</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="134" />
            <source>正在检查材料 %v/%m</source>
            <translation>Checking materials %v/%m</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="223" />
            <source>申请人信息已保存</source>
            <translation>Applicant saved</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="251" />
            <source>注意：与已添加的“%1”内容相同</source>
            <translation>Note: same content as "%1" already added</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="276" />
            <source>放行检查结果</source>
            <translation>Check finding accepted</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="277" />
            <source>这条检查结果为“需确认”。请说明为什么可以接受，理由将记录在办件中。</source>
            <translation>This finding needs confirmation. Say why it is acceptable; the reason is recorded in the case.</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="312" />
            <source>当场办结</source>
            <translation>Done on the spot</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="314" />
            <source>%1 个工作日</source>
            <translation>%1 working day(s)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="317" />
            <source>承诺时限：%1 · 收费：%2</source>
            <translation>Promised time: %1 · Fee: %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="320" />
            <source>承诺办结日期：%1</source>
            <translation>Promised completion: %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="323" />
            <source>尚不能受理：</source>
            <translation>Cannot accept yet: </translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="328" />
            <source>一窗受理</source>
            <translation>Unified intake</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="330" />
            <source>%1 号窗口</source>
            <translation>Window %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="332" />
            <source>当前号 %1</source>
            <translation>Ticket %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="334" />
            <source>经办人 %1</source>
            <translation>Clerk %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/intake_window.py" line="338" />
            <source>受理编号 %1</source>
            <translation>Receipt %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>已从证件填入申请人信息，请核对后保存（Ctrl+S）</source>
            <translation>Applicant filled from the card; check and save (Ctrl+S)</translation>
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
        <message>
            <location filename="../../app/ui/launch.py" line="214" />
            <source>一窗通 · 大厅管理登录</source>
            <translation>OneWindow · Supervisor sign-in</translation>
        </message>
        <message>
            <location filename="../../app/ui/backoffice/remote.py" line="25" />
            <source>一窗通 · 后台审批登录（中心服务器）</source>
            <translation>OneWindow · Back-office sign-in (central server)</translation>
        </message>
    </context>
    <context>
        <name>MatterPicker</name>
        <message>
            <location filename="../../app/ui/intake/matter_picker.py" line="29" />
            <source>① 办理事项</source>
            <translation>① Matters</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/matter_picker.py" line="32" />
            <source>事项名称、编码或拼音首字母，如 qykb</source>
            <translation>Matter name, code or pinyin initials, e.g. qykb</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/matter_picker.py" line="45" />
            <source>选定事项</source>
            <translation>Choose matter</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/matter_picker.py" line="48" />
            <source>可按住 Ctrl 多选，一次受理多个事项</source>
            <translation>Hold Ctrl to choose several matters at once</translation>
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
        <name>ReasonDialog</name>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="37" />
            <source>（选择常用理由，或直接填写）</source>
            <translation>(pick a common reason, or type one)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="41" />
            <source>至少 4 个字，会记录在办件中</source>
            <translation>At least 4 characters; recorded in the case</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="44" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/dialogs.py" line="45" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>StaffWindow</name>
        <message>
            <source>重打号票</source>
            <translation>Reprint ticket</translation>
        </message>
        <message>
            <source>请在等待列表中选择要重打的号</source>
            <translation>Choose the ticket to reprint in the waiting list</translation>
        </message>
        <message>
            <source>未配置号票打印机（printers.json 中的 slip-window-%1）：已保存 PDF %2</source>
            <translation>No slip printer configured (slip-window-%1 in printers.json): the PDF is saved at %2</translation>
        </message>
        <message>
            <source>打印失败（%1）：已保存 PDF %2</source>
            <translation>Printing failed (%1): the PDF is saved at %2</translation>
        </message>
        <message>
            <source>已重打号票 %1</source>
            <translation>Ticket %1 reprinted</translation>
        </message>
        <message>
            <source>%1 号窗口</source>
            <translation>Window %1</translation>
        </message>
        <message>
            <source>本窗口办件 (草稿/容缺/出件)</source>
            <translation>Cases (drafts / owed / hand out)</translation>
        </message>
        <message>
            <source>叫号屏无语音播报，请提醒群众留意屏幕</source>
            <translation>The calling display cannot speak: ask citizens to watch the screen</translation>
        </message>
        <message>
            <source>撤销上一步</source>
            <translation>Undo last step</translation>
        </message>
        <message>
            <source>已撤销: %1 现为%2</source>
            <translation>Undone: %1 is now %2</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="67" />
            <source>一窗通 · %1 号窗口</source>
            <translation>OneWindow · Window %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="90" />
            <source>叫下一位</source>
            <translation>Call next</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="91" />
            <source>重呼</source>
            <translation>Recall</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="92" />
            <source>开始办理</source>
            <translation>Start service</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="93" />
            <source>办结</source>
            <translation>Finish</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="94" />
            <source>过号</source>
            <translation>No-show</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="95" />
            <source>暂挂</source>
            <translation>Park</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="96" />
            <source>转移</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="97" />
            <source>恢复暂挂</source>
            <translation>Resume parked</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="98" />
            <location filename="../../app/ui/staff/staff_window.py" line="259" />
            <source>暂停窗口</source>
            <translation>Pause window</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="99" />
            <source>受理办件</source>
            <translation>Start intake</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="145" />
            <source>暂无等待的号</source>
            <translation>Nobody is waiting</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="149" />
            <location filename="../../app/ui/staff/staff_window.py" line="178" />
            <source>本窗口当前没有号</source>
            <translation>There is no ticket at this window</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="165" />
            <source>没有暂挂的号</source>
            <translation>No parked tickets</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="237" />
            <source>开放</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="237" />
            <source>暂停</source>
            <translation>Paused</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="237" />
            <source>关闭</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="239" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="239" />
            <source>服务类别</source>
            <translation>Serves</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/staff/staff_window.py" line="245" />
            <source>本窗口可叫的等待号: %n 个</source>
            <translation>
                <numerusform>Waiting for this window: %n</numerusform>
                <numerusform>Waiting for this window: %n</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="250" />
            <source>今日: 叫号 %1 · 办结 %2 · 过号 %3 · 转出 %4 · 平均办理(分钟) %5 · 暂挂: %6</source>
            <translation>Today: called %1 · finished %2 · no-show %3 · transferred %4 · avg service (min) %5 · parked: %6</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/staff_window.py" line="259" />
            <source>恢复窗口</source>
            <translation>Resume window</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <location filename="../../app/ui/widgets/sync_indicator.py" line="44" />
            <source>同步：上次 %1 · 待上传 %2</source>
            <translation>Sync: last %1 · %2 to upload</translation>
        </message>
        <message>
            <location filename="../../app/ui/widgets/sync_indicator.py" line="46" />
            <source> · 待传文件 %1</source>
            <translation> · %1 files to upload</translation>
        </message>
        <message>
            <location filename="../../app/ui/widgets/sync_indicator.py" line="49" />
            <source> · 网络未通，数据已保存在本地</source>
            <translation> · network down, data saved locally</translation>
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
            <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="93" />
            <source>等待 %1 人</source>
            <translation>%1 waiting</translation>
        </message>
        <message>
            <location filename="../../app/ui/take_ticket/take_ticket_window.py" line="1" />
            <source>您的号码 %1，前面还有 %2 人。%3</source>
            <translation>Your number is %1: %2 ahead of you. %3</translation>
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
            <location filename="../../app/ui/staff/waiting_model.py" line="23" />
            <source>预约</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="24" />
            <source>长者</source>
            <translation>Elderly</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="25" />
            <source>残障</source>
            <translation>Disability</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="26" />
            <source>绿色通道</source>
            <translation>Green channel</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="36" />
            <source>号码</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="37" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="38" />
            <source>优先</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="39" />
            <source>取号时间</source>
            <translation>Taken at</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/waiting_model.py" line="40" />
            <source>已等(分)</source>
            <translation>Waited (min)</translation>
        </message>
    </context>
    <context>
        <name>LeaveWindowBox</name>
        <message>
            <source>关闭窗口</source>
            <translation>Close the window</translation>
        </message>
        <message>
            <source>%1 还在本窗口。关闭前请选择如何处理这个号：</source>
            <translation>%1 is still at this window. Before closing, choose what happens to this ticket:</translation>
        </message>
        <message>
            <source>办结</source>
            <translation>Finish</translation>
        </message>
        <message>
            <source>暂挂</source>
            <translation>Park</translation>
        </message>
        <message>
            <source>交回排队（排在最前）</source>
            <translation>Hand back to the line (at the front)</translation>
        </message>
        <message>
            <source>取消，不关闭</source>
            <translation>Cancel, keep open</translation>
        </message>
    </context>
    <context>
        <name>WindowCasesDialog</name>
        <message>
            <source>本窗口办件</source>
            <translation>This window's cases</translation>
        </message>
        <message>
            <source>继续受理</source>
            <translation>Continue intake</translation>
        </message>
        <message>
            <source>未完成受理</source>
            <translation>Unfinished intakes</translation>
        </message>
        <message>
            <source>打开办件添加补交文件</source>
            <translation>Open the case to add the supplied files</translation>
        </message>
        <message>
            <source>记录已补交</source>
            <translation>Record as supplied</translation>
        </message>
        <message>
            <source>容缺待补</source>
            <translation>Owed materials</translation>
        </message>
        <message>
            <source>领取人身份证号码（申请人或代理人）</source>
            <translation>Collector's ID number (applicant or agent)</translation>
        </message>
        <message>
            <source>核验身份并出件</source>
            <translation>Check ID and hand out</translation>
        </message>
        <message>
            <source>出件</source>
            <translation>Hand out</translation>
        </message>
        <message>
            <source>未完成受理 (%1)</source>
            <translation>Unfinished intakes (%1)</translation>
        </message>
        <message>
            <source>容缺待补 (%1)</source>
            <translation>Owed materials (%1)</translation>
        </message>
        <message>
            <source>出件 (%1)</source>
            <translation>Hand out (%1)</translation>
        </message>
        <message>
            <source>请先选择一个办件</source>
            <translation>Choose a case first</translation>
        </message>
        <message>
            <source>请先选择办件和补交的材料</source>
            <translation>Choose the case and the supplied material first</translation>
        </message>
        <message>
            <source>已记录补交</source>
            <translation>Recorded as supplied</translation>
        </message>
        <message>
            <source>请选择办件并输入领取人的 18 位身份证号码</source>
            <translation>Choose the case and type the collector's 18-character ID number</translation>
        </message>
        <message>
            <source>已出件：%1</source>
            <translation>Handed out: %1</translation>
        </message>
    </context>
    <context>
        <name>MyFollowUps</name>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="32" />
            <source>我的差评回访</source>
            <translation>My rating follow-ups</translation>
        </message>
    </context>
    <context>
        <name>MyFollowUpsDialog</name>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="32" />
            <source>我的差评回访</source>
            <translation>My rating follow-ups</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="37" />
            <source>回访满意度(&amp;S)：</source>
            <translation>&amp;Satisfaction on the call:</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="42" />
            <source>回访</source>
            <translation>Call back</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="42" />
            <source>回访结果：</source>
            <translation>Result of the call:</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="46" />
            <source>整改</source>
            <translation>Rectify</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="46" />
            <source>整改了什么：</source>
            <translation>What was changed:</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/my_follow_ups.py" line="50" />
            <source>指派给您的差评：请回访市民并记录结果；办结由大厅管理确认。</source>
            <translation>Bad ratings assigned to you: call the citizen back and record the result; a supervisor closes them.</translation>
        </message>
    </context>
    <context>
        <name>PaperPrinter</name>
        <message>
            <source>未配置打印机：没有打印，已保存 PDF %1（安装打印机后，首次打印时选择即可）</source>
            <translation>No printer configured: nothing was printed; the PDF is saved at %1 (once a printer is installed, choose it at the first print)</translation>
        </message>
        <message>
            <source>选择本窗口的 A4 打印机（只需选择一次）</source>
            <translation>Choose this window's A4 printer (asked only once)</translation>
        </message>
        <message>
            <source>打印失败（%1）：已保存 PDF %2</source>
            <translation>Printing failed (%1): the PDF is saved at %2</translation>
        </message>
        <message>
            <source>已送打印机 %1；PDF 副本 %2</source>
            <translation>Sent to printer %1; PDF copy %2</translation>
        </message>
    </context>
    <context>
        <name>CaseDetail</name>
        <message>
            <source>请选择办件</source>
            <translation>Choose a case</translation>
        </message>
        <message>
            <source>材料 / 文件 / 检查结果</source>
            <translation>Material / file / check finding</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>放行理由</source>
            <translation>Override reason</translation>
        </message>
        <message>
            <source>双击文件查看扫描件</source>
            <translation>Double-click a file to see the scan</translation>
        </message>
        <message>
            <source>代理人</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>受理意见：</source>
            <translation>Intake note: </translation>
        </message>
        <message>
            <source>申请人：</source>
            <translation>Applicant: </translation>
        </message>
        <message numerus="yes">
            <source>%n 页</source>
            <translation>
                <numerusform>%n page(s)</numerusform>
                <numerusform>%n page(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · 第 %2/%3 页</source>
            <translation>%1 · page %2/%3</translation>
        </message>
        <message>
            <source>上一页</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>下一页</source>
            <translation>Next page</translation>
        </message>
    </context>
    <context>
        <name>BroadcastBar</name>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="129" />
            <source>叫号屏滚动字幕</source>
            <translation>Display marquee line</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="130" />
            <source>发布</source>
            <translation>Publish</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="132" />
            <source>广播：</source>
            <translation>Broadcast:</translation>
        </message>
    </context>
    <context>
        <name>HelpCall</name>
        <message>
            <location filename="../../app/ui/staff/help_call.py" line="42" />
            <source>呼叫大厅管理</source>
            <translation>Call the supervisor</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/help_call.py" line="48" />
            <source>大厅管理台</source>
            <translation>Supervisor console</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/help_call.py" line="62" />
            <source>已呼叫大厅管理，请稍候</source>
            <translation>The supervisor has been called, please wait</translation>
        </message>
        <message>
            <location filename="../../app/ui/staff/help_call.py" line="73" />
            <source>求助中：%1 号窗口</source>
            <translation>Help requested: window %1</translation>
        </message>
    </context>
    <context>
        <name>RatingPad</name>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="57" />
            <source>服务评价 · %1 号窗口</source>
            <translation>Rate our service · window %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="128" />
            <source>请选择不满意的原因（可多选）</source>
            <translation>What went wrong? (choose one or more)</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="141" />
            <source>提交评价</source>
            <translation>Submit</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="165" />
            <source>欢迎</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="169" />
            <source>正在为 %1 号办理</source>
            <translation>Now serving %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="186" />
            <source>请对本次服务（%1 号）进行评价</source>
            <translation>Please rate this service (%1)</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="212" />
            <source>感谢您的评价！</source>
            <translation>Thank you for your rating!</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" line="217" />
            <source>评价未能提交</source>
            <translation>The rating could not be submitted</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" />
            <source>请对本次服务（办件 %1）进行评价</source>
            <translation>Please rate this service (case %1)</translation>
        </message>
        <message>
            <location filename="../../app/ui/evaluator/pad.py" />
            <source>含办件 %1</source>
            <translation>Includes case %1</translation>
        </message>
    </context>
    <context>
        <name>ReportPanel</name>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="83" />
            <source>导出本月窗口考核 (.xlsx)</source>
            <translation>Export this month's window assessment (.xlsx)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="95" />
            <source>本月 取号 %1 · 办结 %2 · 过号 %3 · 按时叫号率 %4% · 好评率 %5%</source>
            <translation>This month: arrived %1 · served %2 · no-shows %3 · service level %4% · good ratings %5%</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" />
            <source>本月各窗口办结量</source>
            <translation>Served per window this month</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" />
            <source>本月各窗口考核得分</source>
            <translation>Assessment score per window this month</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="104" />
            <source>办结量</source>
            <translation>Served</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="104" />
            <source>考核得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/panels.py" line="112" />
            <source>%1 号</source>
            <translation>No. %1</translation>
        </message>
    </context>
    <context>
        <name>SupervisorConsole</name>
        <message>
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>窗口号</source>
            <translation>Window no.</translation>
        </message>
        <message>
            <source>工号</source>
            <translation>Login</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="71" />
            <source>一窗通 · 大厅管理</source>
            <translation>OneWindow · Supervisor</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="76" />
            <source>实时大厅</source>
            <translation>Live hall</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="77" />
            <source>告警</source>
            <translation>Alarms</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="78" />
            <source>差评处理</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="79" />
            <source>电子监察</source>
            <translation>Case supervision</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="81" />
            <source>统计报表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="107" />
            <source>业务类别</source>
            <translation>Categories</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="109" />
            <source>窗口</source>
            <translation>Window</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="113" />
            <source>开放窗口</source>
            <translation>Open window</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="113" />
            <source>暂停窗口</source>
            <translation>Pause window</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="113" />
            <source>关闭窗口</source>
            <translation>Close window</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="126" />
            <source>确认 / 响应</source>
            <translation>Acknowledge / answer</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="126" />
            <source>处理情况：</source>
            <translation>What was done:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="131" />
            <source>当前告警</source>
            <translation>Active alarms</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="133" />
            <source>历史</source>
            <translation>History</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="141" />
            <source>回访</source>
            <translation>Call back</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="141" />
            <source>回访结果：</source>
            <translation>Result of the call:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="144" />
            <source>整改</source>
            <translation>Rectify</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="144" />
            <source>整改了什么：</source>
            <translation>What was changed:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="146" />
            <source>办结</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="146" />
            <source>办结说明：</source>
            <translation>Closing note:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="148" />
            <source>申诉</source>
            <translation>Appeal</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="148" />
            <source>申诉理由：</source>
            <translation>Reason for the appeal:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="150" />
            <source>复核：维持申诉</source>
            <translation>Review: uphold appeal</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="150" />
            <source>复核意见：</source>
            <translation>Review note:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="152" />
            <source>复核：驳回申诉</source>
            <translation>Review: refuse appeal</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="178" />
            <source>更新于 %1</source>
            <translation>Updated %1</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="185" />
            <source>告警 (%1)</source>
            <translation>Alarms (%1)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="221" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" />
            <source>负责回访的工作人员</source>
            <translation>The staff member who calls the citizen back</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" />
            <source>负责人(&amp;P)：</source>
            <translation>Ass&amp;ignee:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" />
            <source>指派 (Alt+A)</source>
            <translation>Assign (Alt+A)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" />
            <source>指派说明：</source>
            <translation>Assignment note:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" />
            <source>回访满意度(&amp;S)：</source>
            <translation>Callback &amp;satisfaction:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/console.py" line="1" />
            <source>工作人员账号</source>
            <translation>Staff accounts</translation>
        </message>
    </context>
    <context>
        <name>SupervisorModels</name>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="23" />
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="24" />
            <source>等候人数</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="25" />
            <source>最长等候(分)</source>
            <translation>Longest wait (min)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="26" />
            <source>目标(分)</source>
            <translation>Target (min)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="27" />
            <source>按时叫号率%</source>
            <translation>Service level %</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="28" />
            <source>办理中</source>
            <translation>In service</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="47" />
            <source>窗口</source>
            <translation>Window</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="48" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="49" />
            <source>工作人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="50" />
            <source>当前号</source>
            <translation>Current</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="51" />
            <source>已办理(分)</source>
            <translation>Served for (min)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="52" />
            <source>今日叫号</source>
            <translation>Calls today</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="55" />
            <source>开放</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="56" />
            <source>暂停</source>
            <translation>Paused</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="57" />
            <source>关闭</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="80" />
            <source>号码/办件</source>
            <translation>Ticket / case</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="81" />
            <source>评价</source>
            <translation>Rating</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="82" />
            <source>原因</source>
            <translation>Reasons</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="84" />
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="85" />
            <source>负责人</source>
            <translation>Assigned to</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="106" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="107" />
            <source>级别</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="108" />
            <source>告警</source>
            <translation>Alarms</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="109" />
            <source>处理</source>
            <translation>Handling</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="112" />
            <source>严重</source>
            <translation>Critical</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="113" />
            <source>警告</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="138" />
            <source>督办</source>
            <translation>Card</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="139" />
            <source>受理编号</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="140" />
            <source>事项</source>
            <translation>Matter</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="141" />
            <source>环节</source>
            <translation>Step</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" line="143" />
            <source>部门</source>
            <translation>Department</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" />
            <source>已结束</source>
            <translation>Cleared</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" />
            <source>红牌</source>
            <translation>Red card</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/models.py" />
            <source>黄牌</source>
            <translation>Yellow card</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>停用</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>启用</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>工号</source>
            <translation>Login</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>角色</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>锁定(分)</source>
            <translation>Locked (min)</translation>
        </message>
    </context>
    <context>
        <name>PrefillDialog</name>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>免填单 · 从证件填写申请人</source>
            <translation>No form to fill · applicant from the card</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>从营业执照识别出以下信息。请与左侧原件区域逐项核对，勾选后填入申请表（不会自动保存）。</source>
            <translation>Read from the business licence. Compare each value with the region of the original on the left; the ticked ones go into the applicant form (not saved yet).</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>从身份证识别出以下信息。请与左侧原件区域逐项核对，勾选后填入申请表（不会自动保存）。</source>
            <translation>Read from the ID card. Compare each value with the region of the original on the left; the ticked ones go into the applicant form (not saved yet).</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>原件区域</source>
            <translation>Region of the original</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>识别结果（可修改）</source>
            <translation>Value read (editable)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>（无区域图像）</source>
            <translation>(no region image)</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>填入申请表</source>
            <translation>Fill the form</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>不填写</source>
            <translation>Do not fill</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>住址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>单位名称</source>
            <translation>Company name</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>统一社会信用代码</source>
            <translation>Credit code</translation>
        </message>
        <message>
            <location filename="../../app/ui/intake/prefill_dialog.py" line="1" />
            <source>住所</source>
            <translation>Address</translation>
        </message>
    </context>
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
            <source>实名取号({age}岁及以上长辈优先)</source>
            <translation>Real-name ticket (priority for {age}+)</translation>
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
            <source>{first} 等 {n} 个部门</source>
            <translation>{first} and others ({n} departments)</translation>
        </message>
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
        <name>AdminExit</name>
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
            <source>无需等待，请留意叫号</source>
            <translation>No wait: please watch for your number</translation>
        </message>
        <message>
            <source>暂无窗口办理此业务</source>
            <translation>No window is open for this service now</translation>
        </message>
        <message>
            <source>预计等待：暂无估计</source>
            <translation>Estimated wait: not known yet</translation>
        </message>
        <message>
            <location filename="../../app/ui/wait_text.py" line="1" />
            <source>暂无窗口办理</source>
            <translation>No window open now</translation>
        </message>
        <message>
            <location filename="../../app/ui/wait_text.py" line="1" />
            <source>暂无估计</source>
            <translation>No estimate yet</translation>
        </message>
        <message>
            <location filename="../../app/ui/wait_text.py" line="1" />
            <source>无需等待</source>
            <translation>No wait</translation>
        </message>
        <message>
            <location filename="../../app/ui/wait_text.py" line="1" />
            <source>约 {m} 分钟</source>
            <translation>about {m} min</translation>
        </message>
    </context>
    <context>
        <name>AccountsPanel</name>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>停用</source>
            <translation>Disable</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>启用</source>
            <translation>Enable</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>解锁 (Alt+U)</source>
            <translation>Unlock (Alt+U)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>设置新密码… (Alt+N)</source>
            <translation>New PIN… (Alt+N)</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>连续输错 %1 次密码的账号会锁定 %2 分钟；核实身份后可立即解锁，或设置新密码。</source>
            <translation>An account is locked for %2 minutes after %1 wrong PINs in a row; once you have checked who it is, unlock it now or set a new PIN.</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>停用账号</source>
            <translation>Disable account</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>停用 %1（%2）后，该账号将无法登录。确定停用？</source>
            <translation>Once %1 (%2) is disabled, the account cannot log in. Disable it?</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>NewPinDialog</name>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>%1（%2）的新密码，%3 到 %4 位数字：</source>
            <translation>New PIN for %1 (%2), %3 to %4 digits:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>两次输入的新密码不同</source>
            <translation>The two new PINs differ</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>再输一次(&amp;R)：</source>
            <translation>&amp;Repeat:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>新密码(&amp;N)：</source>
            <translation>&amp;New PIN:</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>设置新密码</source>
            <translation>Set a new PIN</translation>
        </message>
        <message>
            <location filename="../../app/ui/supervisor/accounts.py" line="1" />
            <source>当前密码(&amp;C)：</source>
            <translation>&amp;Current PIN:</translation>
        </message>
    </context>
</TS>
