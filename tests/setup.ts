// Runs before every test file. Tests must not depend on a developer's .env.
process.env.TZ = "UTC";
// OWASP's minimum bcrypt cost instead of the default 12: a quarter of the
// time per hash, over the hundreds of sign-ins and user creations (and the CLIs
// the tests start inherit it). Every hash still goes through real bcrypt.
process.env.PASSWORD_HASH_COST = "10";
