export * from './money';
export * from './status';
export * from './close';
export * from './statement';
export * from './report';
