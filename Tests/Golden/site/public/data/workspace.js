docketWorkspace({
"people":[["jane","Jane Smith","admin"],["sam","Sam Lee","member"],["auditor","Ann Audit","readonly"],["n8n","n8n","integration"]],
"types":["todo","call","email"],
"queuePath":"queue/"});
