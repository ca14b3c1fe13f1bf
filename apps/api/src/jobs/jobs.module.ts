import { Global, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../modules/auth/principal.js';
import { TimerHandlerRegistry } from './timer-handler.registry.js';
import { TimersProcessor } from './timers.processor.js';
import { TimersService } from './timers.service.js';

/** `system.probe` exists so restart/re-arm can be proven end to end without any business timer. */
class ProbeTimerHandler implements OnModuleInit {
  constructor(private readonly registry: TimerHandlerRegistry) {}

  onModuleInit(): void {
    this.registry.register('system.probe', async (due, ctx) => {
      const won = await due.claim(due.timers.map((t) => t.id));
      for (const { id, payload } of due.timers) {
        if (!won.has(id)) continue;
        ctx.record({
          type: 'system.timer_fired',
          aggregate: { type: 'timer', id: payload.note },
          jurisdictionId: null,
          payload: { note: payload.note, firedBy: SYSTEM_ACTOR.name },
        });
      }
    });
  }
}

@Global()
@Module({})
export class JobsModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        TimerHandlerRegistry,
        TimersService,
        { provide: ProbeTimerHandler, inject: [TimerHandlerRegistry], useFactory: (r: TimerHandlerRegistry) => new ProbeTimerHandler(r) },
        ...(runsWorker ? [TimersProcessor] : []),
      ],
      exports: [TimerHandlerRegistry, TimersService],
    };
  }
}
