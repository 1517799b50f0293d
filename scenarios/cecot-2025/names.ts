/**
 * Name pools for synthetic rosters. Every entry is a common given name or surname in Central America,
 * Mexico and the Andes, spelled with the accents civil registries use; no entry is a real person.
 * Venezuelan rosters draw often from the Venezuelan pools because Venezuela's naming fashion
 * (Yeferson, Yorgelis, Jhonatan) is distinctive and the March 2025 flights were mostly Venezuelan.
 */

/** Splits a space-separated list: one word per name keeps long pools readable. */
function words(list: string): readonly string[] {
  return list.split(' ');
}

/** Common male given names across Latin America. */
export const MALE_GIVEN_NAMES: readonly string[] = words(
  'José Juan Luis Carlos Jorge Miguel Ángel Jesús Francisco Pedro Manuel Antonio Alejandro David ' +
    'Daniel Eduardo Fernando Ricardo Roberto Mario Óscar Julio César Raúl Rafael Sergio Héctor Víctor ' +
    'Javier Andrés Diego Erick Kevin Brayan Elmer Nelson Edwin Marvin Selvin Santos Walter Henry ' +
    'Melvin Douglas Wilson Oswaldo Rigoberto Efraín Ramón Alexis Cristian Rubén Gustavo Iván Armando ' +
    'Alfredo Hugo Gerardo Ernesto Salvador Tomás Esteban Mauricio Joel Josué Moisés Abraham Noé ' +
    'Gabriel Emmanuel Germán Julián Felipe Sebastián Nicolás Samuel Adrián Marlon Dennis Byron Ronald ' +
    'Franklin Jairo Edgar Osmín Geovanny Fredy Lester Guillermo Ignacio Enrique Alberto',
);

/** Male given names typical of Venezuela. */
export const VENEZUELAN_MALE_GIVEN_NAMES: readonly string[] = words(
  'Yeferson Yorman Yonaiker Deivis Jhonatan Jeferson Wuilmer Darwin Yorbis Franyer Keiber Yohandry ' +
    'Jhon Anyelo Eliezer Greiber Reinaldo Yoel Frangel Yeison Jeickson Endrick Neiker Yordan Kleiver ' +
    'Wladimir Edixon Dixon Leonardo Wilmer Anderson Yonathan',
);

/** Common female given names across Latin America. */
export const FEMALE_GIVEN_NAMES: readonly string[] = words(
  'María Ana Rosa Carmen Gloria Marta Sandra Patricia Claudia Silvia Andrea Daniela Gabriela ' +
    'Fernanda Alejandra Verónica Karla Jessica Yesenia Wendy Lesly Ingrid Evelyn Dania Glenda Iris ' +
    'Reina Blanca Marisol Sonia Lorena Elena Isabel Lucía Sofía Valentina Camila Paola Mónica Luz ' +
    'Esperanza Guadalupe Adriana Beatriz Cecilia Diana Elizabeth Estefanía Flor Graciela Irma ' +
    'Jacqueline Josefina Juana Julia Laura Leticia Lilian Liliana Margarita Mercedes Miriam Nancy ' +
    'Norma Olga Paula Raquel Rocío Rosario Susana Teresa Yolanda Xiomara Jennifer Katherine Dulce ' +
    'Ximena Nayeli Brenda Yadira Maritza Abigail Ruth',
);

/** Female given names typical of Venezuela. */
export const VENEZUELAN_FEMALE_GIVEN_NAMES: readonly string[] = words(
  'Yusmary Yorgelis Mariangel Yulimar Dayana Yeraldine Yusbelis Oriana Génesis Yelitza Maryori ' +
    'Yaneth Anyelis Wuilmary Yoselin Keila Yoleida Massiel Arianny Rosmary Yuleidy Neila',
);

/** First names that most often lead a compound name (José Luis, Juan Carlos, María Fernanda). */
export const LEADING_GIVEN_NAMES = {
  M: ['José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Jesús', 'Víctor', 'Óscar', 'Édgar'],
  F: ['María', 'Ana', 'Rosa', 'Luz', 'Claudia', 'Karla', 'Sandra', 'Gloria'],
} as const;

/** Names usually found second in a compound name (Miguel Ángel, María del Carmen, Darwin Alexander). */
export const SECOND_GIVEN_NAMES = {
  M: [
    'Luis',
    'Carlos',
    'Ángel',
    'Antonio',
    'Alberto',
    'Manuel',
    'Alexander',
    'Arturo',
    'Alfonso',
    'Enrique',
    'Ernesto',
    'Eduardo',
    'David',
    'Daniel',
    'Javier',
    'Francisco',
    'Rafael',
    'Alejandro',
    'Andrés',
    'Armando',
    'Roberto',
    'Ramón',
  ],
  F: [
    'Fernanda',
    'José',
    'del Carmen',
    'de los Ángeles',
    'Guadalupe',
    'Alejandra',
    'Isabel',
    'Elena',
    'Gabriela',
    'Beatriz',
    'Patricia',
    'Lucía',
    'Carolina',
    'Victoria',
    'Esther',
    'Marisol',
    'Daniela',
  ],
} as const;

/** Surnames common across the region. */
export const COMMON_SURNAMES: readonly string[] = words(
  'Hernández Martínez González Pérez Sánchez Ramírez Rodríguez López García Gómez Díaz Álvarez ' +
    'Jiménez Ramos Castillo Flores Cruz Reyes Morales Ortiz Gutiérrez Chávez Rivera Torres Romero ' +
    'Vargas Castro Mendoza Rojas Medina Herrera Aguilar Moreno Muñoz Suárez Domínguez Vázquez Núñez ' +
    'Guerrero Molina Navarro Delgado Salazar Contreras Sandoval Figueroa Cabrera Campos Fuentes ' +
    'Espinoza Cortés Acosta Vega Ríos Ponce Benítez Carrillo Cárdenas Luna Peña Estrada León Miranda ' +
    'Córdova Valdez Ochoa Solís Santos Zamora Ibarra',
);

/** Surnames frequent in El Salvador, Honduras and Guatemala (including Mayan surnames). */
export const CENTRAL_AMERICAN_SURNAMES: readonly string[] = words(
  'Mejía Portillo Guevara Alvarado Escobar Menjívar Orellana Argueta Henríquez Ayala Quintanilla ' +
    'Rivas Lemus Cáceres Zelaya Bonilla Funes Palacios Velásquez Maradiaga Banegas Turcios Amaya ' +
    'Canales Cerna Tzul Xicará Coc Pop Ixcoy Tuyuc Chen Urbina Obando Largaespada',
);

/** Surnames frequent in Venezuela and Colombia. */
export const ANDEAN_SURNAMES: readonly string[] = words(
  'Rondón Marcano Hidalgo Colmenares Briceño Carrasquel Villegas Zambrano Linares Parra Bolívar ' +
    'Montilla Quintero Restrepo Ospina Cardona Valencia Montoya Zapata Guzmán Blanco Matheus Quishpe ' +
    'Guamán Cedeño Intriago',
);

/** Surnames frequent in Mexico. */
export const MEXICAN_SURNAMES: readonly string[] = words(
  'Juárez Cervantes Rosales Zavala Villarreal Arellano Bautista Cisneros Galindo Olvera Trejo ' + 'Zúñiga',
);

/** Familiar forms (hipocorísticos) that show up as aliases in booking records. */
export const HYPOCORISMS: Readonly<Record<string, readonly string[]>> = {
  José: ['Chepe', 'Pepe'],
  Francisco: ['Pancho', 'Paco', 'Chico'],
  Jesús: ['Chucho', 'Chuy'],
  Antonio: ['Toño'],
  Luis: ['Lucho'],
  Guillermo: ['Memo'],
  Ignacio: ['Nacho'],
  Roberto: ['Beto'],
  Alberto: ['Beto'],
  Eduardo: ['Lalo'],
  Enrique: ['Quique'],
  Manuel: ['Manolo'],
  Alejandro: ['Alex'],
  Guadalupe: ['Lupe'],
  María: ['Mari'],
  Rosa: ['Rosita'],
  Santos: ['Chento'],
  Salvador: ['Chava'],
};

/** Street nicknames (apodos) recorded as aliases; deliberately generic, no gang monikers. */
export const NICKNAMES: readonly string[] = [
  'El Flaco',
  'El Chino',
  'El Gordo',
  'El Negro',
  'El Güero',
  'El Catracho',
  'El Guanaco',
  'El Chamo',
  'El Zurdo',
  'El Pelón',
];
