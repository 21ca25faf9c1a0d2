// 待办 and 消息 as GET /api/todos and /api/messages answer them (the route schemas' output types).
import type { z } from 'zod';
import type { ZMessageList } from '../../../src/http/routes/messages.types';
import type { ZTodoList } from '../../../src/http/routes/todos.types';

export type Todos = z.output<typeof ZTodoList>;
export type TodoEntry = Todos['items'][number];
export type Messages = z.output<typeof ZMessageList>;
