import { Controller, Get, Header } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { renderSchema } from '../graphql/schema-text.js';

/**
 * The schema as SDL at GET /graphql/schema.graphql, whatever the introspection setting: clients
 * and code generators get the contract without introspection being open in production. It is the
 * same text as the committed schema.gql. Registered as a Nest route, it answers before Apollo's
 * middleware (mounted under /graphql) would see the request.
 */
@Controller('graphql')
export class SchemaSdlController {
  private sdl?: string;

  constructor(private readonly modules: ModuleRef) {}

  @Get('schema.graphql')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  schema(): string {
    // The schema host belongs to the GraphQL module; it is complete once a request can arrive.
    this.sdl ??= renderSchema(this.modules.get(GraphQLSchemaHost, { strict: false }).schema);
    return this.sdl;
  }
}
