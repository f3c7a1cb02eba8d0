"""Back-office review of cases taken in at the windows (后台分类审批), local until the central server exists."""
