/** DI token of the PostgreSQL URL the api connects with (the api role's), provided by AppModule for what opens its own connections (pg-boss). */
export const DATABASE_URL = Symbol('DATABASE_URL');
