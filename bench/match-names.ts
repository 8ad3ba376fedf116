// Name and place lists for the W3 generator (bench/match-generator.ts), with frequencies.
// Surnames: the 2010 US Census list, top 100, per 100,000 people (rounded). Given names: the US
// Social Security Administration's most common names of people born 1940-2000, as weights. The
// top 100 surnames hold about 18% of the US population; the generator draws the rest from a long
// tail, so same-name collisions happen as often as in a real customer list.
// prettier-ignore
export const topSurnames: Array<[string, number]> = [
  ["Smith", 828], ["Johnson", 655], ["Williams", 550], ["Brown", 487], ["Jones", 483],
  ["Garcia", 395], ["Miller", 394], ["Davis", 381], ["Rodriguez", 350], ["Martinez", 337],
  ["Hernandez", 313], ["Lopez", 280], ["Gonzalez", 271], ["Wilson", 262], ["Anderson", 261],
  ["Thomas", 260], ["Taylor", 259], ["Moore", 243], ["Jackson", 241], ["Martin", 239],
  ["Lee", 228], ["Perez", 226], ["Thompson", 226], ["White", 225], ["Harris", 212],
  ["Sanchez", 210], ["Clark", 190], ["Ramirez", 189], ["Lewis", 185], ["Robinson", 184],
  ["Walker", 182], ["Young", 169], ["Allen", 166], ["King", 165], ["Wright", 164],
  ["Scott", 155], ["Torres", 152], ["Nguyen", 149], ["Hill", 148], ["Flores", 147],
  ["Green", 146], ["Adams", 145], ["Nelson", 144], ["Baker", 143], ["Hall", 141],
  ["Rivera", 138], ["Campbell", 132], ["Mitchell", 131], ["Carter", 130], ["Roberts", 130],
  ["Gomez", 127], ["Phillips", 126], ["Evans", 124], ["Turner", 124], ["Diaz", 121],
  ["Parker", 118], ["Cruz", 117], ["Edwards", 116], ["Collins", 115], ["Reyes", 115],
  ["Stewart", 114], ["Morris", 111], ["Morales", 109], ["Murphy", 107], ["Cook", 106],
  ["Rogers", 105], ["Gutierrez", 103], ["Ortiz", 101], ["Morgan", 101], ["Cooper", 100],
  ["Peterson", 99], ["Bailey", 98], ["Reed", 96], ["Kelly", 95], ["Howard", 94],
  ["Ramos", 94], ["Kim", 93], ["Cox", 93], ["Ward", 92], ["Richardson", 91],
  ["Watson", 90], ["Brooks", 89], ["Chavez", 89], ["Wood", 88], ["James", 88],
  ["Bennett", 87], ["Gray", 87], ["Mendoza", 85], ["Ruiz", 85], ["Hughes", 84],
  ["Price", 83], ["Alvarez", 83], ["Castillo", 82], ["Sanders", 82], ["Patel", 81],
  ["Myers", 80], ["Long", 79], ["Ross", 78], ["Foster", 78], ["Jimenez", 77],
];

/** Spanish and other names as they are written with their accents (a POS often drops them). */
// prettier-ignore
export const accented: Record<string, string> = {
  Rodriguez: "Rodríguez", Martinez: "Martínez", Hernandez: "Hernández", Lopez: "López",
  Gonzalez: "González", Perez: "Pérez", Sanchez: "Sánchez", Ramirez: "Ramírez", Gomez: "Gómez",
  Diaz: "Díaz", Gutierrez: "Gutiérrez", Ramos: "Ramos", Jimenez: "Jiménez", Alvarez: "Álvarez",
  Jose: "José", Zoe: "Zoë", Chloe: "Chloé", Renee: "Renée", Andres: "Andrés", Ines: "Inés",
  Maria: "María", Sofia: "Sofía", Raul: "Raúl", Ramon: "Ramón",
};

// prettier-ignore
export const maleNames: Array<[string, number]> = [
  ["James", 330], ["John", 320], ["Robert", 310], ["Michael", 260], ["William", 250],
  ["David", 240], ["Richard", 150], ["Joseph", 130], ["Thomas", 120], ["Charles", 110],
  ["Christopher", 100], ["Daniel", 100], ["Matthew", 90], ["Anthony", 80], ["Mark", 80],
  ["Donald", 70], ["Steven", 70], ["Paul", 70], ["Andrew", 60], ["Joshua", 60],
  ["Kenneth", 55], ["Kevin", 55], ["Brian", 55], ["George", 50], ["Timothy", 50],
  ["Ronald", 50], ["Edward", 45], ["Jason", 45], ["Jeffrey", 45], ["Ryan", 40],
  ["Jacob", 40], ["Gary", 40], ["Nicholas", 40], ["Eric", 38], ["Jonathan", 36],
  ["Stephen", 35], ["Larry", 33], ["Justin", 32], ["Scott", 32], ["Brandon", 30],
  ["Benjamin", 30], ["Samuel", 28], ["Gregory", 27], ["Alexander", 27], ["Frank", 26],
  ["Patrick", 26], ["Raymond", 25], ["Jack", 24], ["Dennis", 24], ["Jerry", 23],
  ["Tyler", 22], ["Aaron", 22], ["Jose", 22], ["Adam", 21], ["Nathan", 20],
  ["Henry", 20], ["Zachary", 18], ["Peter", 18], ["Harold", 16], ["Carl", 16],
  ["Arthur", 15], ["Lawrence", 15], ["Albert", 14], ["Frederick", 10], ["Theodore", 8],
  ["Andres", 6], ["Raul", 6], ["Ramon", 6], ["Luis", 15], ["Carlos", 15],
  ["Juan", 18], ["Wei", 5], ["Ahmed", 5], ["Dmitri", 3], ["Olusegun", 2],
];

// prettier-ignore
export const femaleNames: Array<[string, number]> = [
  ["Mary", 260], ["Patricia", 110], ["Jennifer", 110], ["Linda", 100], ["Elizabeth", 90],
  ["Barbara", 90], ["Susan", 80], ["Jessica", 80], ["Sarah", 70], ["Karen", 70],
  ["Lisa", 65], ["Nancy", 65], ["Betty", 60], ["Margaret", 60], ["Sandra", 58],
  ["Ashley", 55], ["Kimberly", 55], ["Emily", 52], ["Donna", 50], ["Michelle", 50],
  ["Carol", 48], ["Amanda", 48], ["Dorothy", 46], ["Melissa", 45], ["Deborah", 44],
  ["Stephanie", 43], ["Rebecca", 42], ["Sharon", 41], ["Laura", 40], ["Cynthia", 40],
  ["Kathleen", 38], ["Amy", 37], ["Angela", 36], ["Shirley", 35], ["Anna", 34],
  ["Brenda", 33], ["Pamela", 33], ["Emma", 32], ["Nicole", 31], ["Helen", 30],
  ["Samantha", 30], ["Katherine", 30], ["Christine", 28], ["Debra", 28], ["Rachel", 27],
  ["Carolyn", 26], ["Janet", 26], ["Catherine", 25], ["Maria", 25], ["Heather", 24],
  ["Diane", 24], ["Ruth", 23], ["Julie", 23], ["Olivia", 22], ["Joyce", 22],
  ["Virginia", 21], ["Victoria", 21], ["Kelly", 20], ["Lauren", 20], ["Christina", 20],
  ["Joan", 19], ["Evelyn", 19], ["Judith", 18], ["Megan", 18], ["Andrea", 18],
  ["Hannah", 17], ["Jacqueline", 16], ["Martha", 16], ["Gloria", 15], ["Teresa", 15],
  ["Ann", 15], ["Sara", 14], ["Abigail", 12], ["Alice", 12], ["Danielle", 11],
  ["Zoe", 8], ["Chloe", 8], ["Renee", 8], ["Ines", 4], ["Sofia", 10],
  ["Jean", 12], ["Joanne", 8], ["Anne", 10], ["Marie", 10], ["Daniela", 5],
];

/** Syllables for the long tail of surnames (each of them rare, as most surnames are). */
// prettier-ignore
export const tailSyllables = {
  start: ["Ab", "Bar", "Cal", "Dun", "El", "Far", "Gal", "Har", "Ing", "Kel", "Lan", "Mac", "Nor", "Ok", "Pen", "Quin", "Ros", "Sal", "Tor", "Ul", "Van", "Wal", "Yor", "Zel", "Ash", "Brad", "Crom", "Dal", "Fitz", "Grim", "Hol", "Kov", "Lind", "Mor", "Ost", "Pul", "Ried", "Stan", "Thorn", "Wes"],
  middle: ["", "", "a", "e", "i", "o", "an", "er", "in", "ov", "en", "el", "ar", "is"],
  end: ["son", "ley", "ton", "man", "berg", "ski", "ford", "well", "ez", "ini", "ard", "ick", "sen", "dale", "ova", "ham", "wick", "er", "ley", "by", "stein", "ner", "ak", "ic", "ell"],
};

// prettier-ignore
export const townParts = {
  start: ["Spring", "Green", "Oak", "River", "Fair", "Maple", "Cedar", "Lake", "Clear", "Mill", "Brook", "Pine", "Ash", "Elm", "West", "North", "East", "South", "New", "Rock", "Sand", "Glen", "Wood", "High", "Bell"],
  end: ["field", "ville", "dale", "ton", "view", "wood", "port", "ford", "burg", "haven", " Falls", " Springs", "mont", "side", " City"],
};
// prettier-ignore
export const states = ["AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "MA", "MI", "MN", "MO", "NC", "NJ", "NY", "OH", "OR", "PA", "TN", "TX", "VA", "WA", "WI"];

// prettier-ignore
export const streetNames = ["Main", "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park", "Walnut", "Sunset", "Lincoln", "Jackson", "Church", "Highland", "Madison", "Franklin", "Ridge", "Spring", "Meadow", "Forest", "River", "Willow", "Jefferson", "Adams", "Center", "Mill", "Union", "Chestnut", "Dogwood", "Hickory", "Birch", "Sycamore", "Magnolia", "Laurel", "Valley", "Broad", "Market", "High", "Water", "Prospect", "Cherry", "Bridge", "Green", "Martin Luther King", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh"];
/** street type: full spelling and the USPS abbreviation */
// prettier-ignore
export const streetTypes: Array<[string, string]> = [["Street", "St"], ["Avenue", "Ave"], ["Road", "Rd"], ["Drive", "Dr"], ["Lane", "Ln"], ["Court", "Ct"], ["Place", "Pl"], ["Boulevard", "Blvd"], ["Way", "Way"], ["Circle", "Cir"], ["Terrace", "Ter"]];
// prettier-ignore
export const emailDomains: Array<[string, number]> = [["gmail.com", 40], ["yahoo.com", 15], ["hotmail.com", 9], ["outlook.com", 7], ["aol.com", 5], ["icloud.com", 8], ["comcast.net", 4], ["att.net", 3], ["verizon.net", 2], ["msn.com", 2], ["live.com", 2], ["me.com", 3]];
