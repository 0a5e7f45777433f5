/* placeholder: being written by the drawing work */
#pragma once
typedef struct _LadderDraw LadderDraw;
