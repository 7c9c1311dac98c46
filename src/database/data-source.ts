import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { buildDataSourceOptions } from './data-source.options.js';

/**
 * For the TypeORM CLI only (`npm run migration:generate`): the app and the tests build their
 * DataSource through Nest with the same options.
 */
export default new DataSource(buildDataSourceOptions(loadEnvironment()));
