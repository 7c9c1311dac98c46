import { Module } from '@nestjs/common';
import { EmbedController } from './embed.controller.js';

/** The embeddable widget's files (built from widget/), served to any page. */
@Module({ controllers: [EmbedController] })
export class EmbedModule {}
