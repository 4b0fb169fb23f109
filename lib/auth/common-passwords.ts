/**
 * Passwords that appear at the top of every published list of leaked passwords, lower-case.
 * The policy (password-policy.ts) also compares the password with its trailing digits and
 * symbols removed ("password2024!" -> "password"), so each base word covers its variants.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456", "123456789", "12345678", "12345", "1234567", "1234567890", "123123", "111111", "000000", "654321",
  "666666", "121212", "112233", "123321", "987654321", "qwerty", "qwertyuiop", "qwerty123", "qwertz", "azerty",
  "asdfgh", "asdfghjkl", "zxcvbnm", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "qazwsx", "zaq12wsx", "password", "passw0rd",
  "p@ssw0rd", "p@ssword", "pass", "passwort", "motdepasse", "contraseña", "senha", "parola", "haslo", "wachtwoord",
  "admin", "administrator", "root", "toor", "guest", "welcome", "welcome1", "letmein", "login", "changeme",
  "secret", "default", "master", "access", "test", "testing", "demo", "user", "super", "superman",
  "batman", "spiderman", "iloveyou", "loveyou", "lovely", "love", "princess", "sunshine", "shadow", "monkey",
  "dragon", "football", "baseball", "soccer", "hockey", "basketball", "michael", "jennifer", "jordan", "daniel",
  "charlie", "thomas", "hunter", "ranger", "buster", "tigger", "pepper", "ginger", "cookie", "chocolate",
  "starwars", "pokemon", "minecraft", "whatever", "trustno1", "freedom", "flower", "hello", "helloworld", "abc123",
  "abcdef", "abcdefg", "abcdefgh", "abcd1234", "aa123456", "a1b2c3", "asd123", "qwe123", "zxc123", "killer",
  "computer", "internet", "samsung", "google", "apple", "microsoft", "iphone", "android", "facebook", "linkedin",
  "summer", "winter", "spring", "autumn", "monday", "friday", "january", "december", "august", "october",
  "mustang", "ferrari", "porsche", "harley", "matrix", "ninja", "maverick", "mercedes", "corvette", "yankees",
  "liverpool", "chelsea", "arsenal", "barcelona", "juventus", "dallas", "london", "paris", "berlin", "america",
  "canada", "australia", "india", "china", "student", "teacher", "school", "course", "academy", "learning",
  "llmacademy", "llm-academy", "openai", "chatgpt", "machinelearning", "artificial", "intelligence", "transformer", "attention", "tensorflow",
  "correcthorsebatterystaple", "correct horse battery staple", "iloveyou123", "qwertyqwerty", "password123", "passwordpassword", "adminadmin", "letmeinplease", "abcabc", "aaaaaa",
]);
