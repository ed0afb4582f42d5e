/** The one serialiser both ends of tRPC use (Dates survive the trip). */
import superjson from 'superjson';

export const transformer = superjson;
