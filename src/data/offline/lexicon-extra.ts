// More free-text slot values (session 13), appended to lexicon.ts's lists. With 15–35 values per
// slot a model trained from scratch learns the values by heart and derails on one it never saw
// (docs/RESULTS.md, sessions 9–12); more everyday values push it to read the words around a slot
// instead. Values avoid "and", "then", "before" and "after": the composer joins clauses with them.
// World-backed slots (contacts, cities, files, devices) stay in src/functions/device/world, since
// the simulated device must know them for the calls to succeed.

export const MORE_NEWS_TOPICS = ["the Super Bowl", "the housing bubble", "Wimbledon", "the Champions League", "gas prices", "the Fed",
  "self-driving cars", "the Mars rover", "Netflix", "the Grammys", "college football", "the heat wave", "wildfires in California",
  "the royal family", "Amazon", "Microsoft", "Google's new phone", "the minimum wage", "student loans", "the Tour de France",
  "electric bikes", "the space station", "tennis", "the MLB playoffs", "the new Marvel movie", "vaccines", "the budget deal",
  "Elon Musk", "the Nobel Prize", "the hurricane season", "chip shortages", "the film festival", "local sports", "the marathon",
  "Apple's stock", "solar power", "the G7 summit", "TikTok", "the Euro 2028 qualifiers", "the school board"];

export const MORE_VIDEO_TOPICS = ["how to braid hair", "beginner piano songs", "how to jump start a car", "easy card tricks",
  "best football goals of the year", "how to cook rice", "morning stretch routine", "how to draw a cat", "Spanish for beginners",
  "how to fix a leaky faucet", "bread baking for beginners", "DIY bookshelf", "how to change a light switch", "meditation music",
  "standup paddle boarding tips", "how to iron a shirt", "street food in Bangkok", "guitar chords for Wonderwall", "dog training tips",
  "how to knit a scarf", "woodworking for beginners", "the new Zelda trailer", "camping hacks", "how to solve a Rubik's cube",
  "HIIT workout", "jazz for studying", "ocean waves sounds", "how to plant tomatoes", "makeup tutorial", "Excel pivot tables",
  "podcast highlights", "cat fails compilation", "how to tie a bowline knot", "sushi making at home", "kids science experiments"];

export const MORE_WEB_QUERIES = ["how to get a stain out of a carpet", "best pizza in town", "how old is the Colosseum", "what is a good credit score",
  "how much sleep do teenagers need", "train times to Boston", "when does the mall open", "how to reset a router", "best running shoes for flat feet",
  "how far is the moon", "what causes thunder", "how to make pancakes", "movie showtimes tonight", "how to write a cover letter",
  "symptoms of a cold", "how many calories in an apple", "the tallest building in the world", "best time to visit Japan", "how to grow basil",
  "the speed of light", "car rental deals", "how to lower my blood pressure", "how to tie a tie", "public holidays this year",
  "translate good morning to French", "how to clean a cast iron pan", "best podcasts of the year", "what is inflation",
  "the score of the Lakers game", "recipes with chicken", "how to fall asleep fast", "the nearest post office",
  "who wrote Hamlet", "how to calm a crying baby", "flights to Rome next month", "the weather in July in Greece", "how to meditate"];

export const MORE_PLACES = ["the dentist", "the supermarket", "the gas station", "school", "the post office",
  "the bank", "the pharmacy", "the cinema", "the bus station", "grandma's house", "the hotel", "the harbor",
  "the ferry terminal", "the bowling alley", "the community center", "the city hall", "the ski resort", "the hardware store",
  "the swimming pool", "the bakery", "the coffee shop", "the bookstore", "the football stadium", "the lake", "the mountains",
  "the old town", "the shopping center", "the parking garage", "the river walk", "the science museum", "the art gallery"];

export const MORE_TEXT_MESSAGES = ["dinner is ready", "I'm on the train", "I'll call you later", "where are you?", "be there in five",
  "can you feed the cat?", "I'm stuck in traffic", "did you get my email?", "I miss you", "the door code is 4521",
  "I'm at the front door", "we need more coffee", "have a safe flight", "call me back please", "the game starts at 8",
  "I got the job!", "I'm running a bit behind", "I can't make it tonight", "pick me up at the station", "the car is fixed",
  "don't wait up", "good night", "see you soon", "I forgot my keys", "what should we eat?", "the kids need a ride", "congrats!",
  "I'll be there in 20 minutes", "text me when you land", "my phone is almost dead", "I'm leaving work now", "happy anniversary"];

export const MORE_EMAIL_SUBJECTS = ["the quarterly numbers", "my availability", "the new proposal", "next steps", "the team dinner",
  "sick day", "the client call", "travel plans", "the offer letter", "the rent", "the school trip", "my resignation", "the launch date",
  "a meeting request", "the party", "the delivery", "expense report", "training session", "the workshop", "a quick question"];

export const MORE_EMAIL_BODIES = ["I'm running late today", "the report is ready for review", "can we meet next week", "I won't be in tomorrow",
  "thanks for the update", "please send me the invoice", "the meeting is moved to Monday", "let's talk tomorrow morning",
  "I sent the files this morning", "could you call me when you have a minute", "the payment went through", "welcome to the team",
  "great work on the presentation", "I need a day off on Friday", "the order has shipped"];

export const MORE_EVENT_TITLES = ["team lunch", "parents' evening", "soccer practice", "tax appointment", "eye exam", "coffee with Anna",
  "study group", "board meeting", "school pickup", "dinner with friends", "guitar lesson", "physio", "wedding rehearsal",
  "house viewing", "performance review", "driving lesson", "farmers market trip", "movie night", "flight to London", "team retreat",
  "doctor's checkup", "lunch with Mom", "swim class", "interview prep", "concert", "volunteer shift", "game night"];

export const MORE_TIMER_LABELS = ["eggs", "rice", "cookies", "oven", "roast", "meditation", "homework", "plank", "parking meter",
  "laundry dryer", "face mask", "reading", "steak", "bread", "screen time", "break", "practice", "cake", "stretching"];
