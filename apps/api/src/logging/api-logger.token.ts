/** DI token of the api's pino logger (`Logger` from pino), provided by AppModule for every module. */
export const API_LOGGER = Symbol('API_LOGGER');
