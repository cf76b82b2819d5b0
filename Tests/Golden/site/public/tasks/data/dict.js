docketList.dictionary({
"base":1773838800000,
"total":5,
"chunks":1,
"zone":"Europe/Berlin",
"idPrefix":"task_",
"rankWidth":1,
"people":[["jane","Jane Smith"],["sam","Sam Lee"],["auditor","Ann Audit"],["n8n","n8n"]],
"tags":["contract"],
"types":[["todo","todo"],["call","call"],["email","email"]],
"records":[["contact/cont_ada","Ada Lovelace"],["deal/deal_acme","Acme Enterprise Plan"]],
"phrases":["Fri 20 Mar 2026, 18:00","in 2 days","Mon 16 Mar 2026, 13:00","2 days ago","Wed 18 Mar 2026","today","Wed 18 Mar 2026, 11:00","3 hours ago","done 3 hours ago","Tue 17 Mar 2026, 11:00","yesterday","Wed 18 Mar 2026, 10:30","Tue 10 Mar 2026, 09:00","8 days ago","Thu 19 Mar 2026, 11:00","tomorrow","Wed 18 Mar 2026, 10:00","4 hours ago"]});
