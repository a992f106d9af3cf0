import { databasePath, openDatabase } from "@/db";

const file = databasePath();
const db = openDatabase(file);
db.$client.close();
console.log(`Database ready at ${file}`);
