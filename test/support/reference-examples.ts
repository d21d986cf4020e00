/**
 * The request and response examples of Okta's Trusted Origins API reference
 * (/work/shared/seeds/003_a32079599f178676.txt), copied as data: method, URL,
 * headers and JSON bodies exactly as the reference prints them (the URLs keep
 * the `https://${yourOktaDomain}` placeholder). Generated from the reference
 * text, so nothing here was retyped by hand.
 */
export interface ReferenceExample {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  /** The documented response body; `null` where the reference shows none (delete). */
  response: unknown;
}

export const REFERENCE = {
  createValid: {
    "request": {
      "method": "POST",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": {
        "name": "New Trusted Origin",
        "origin": "http://example.com",
        "scopes": [
          {
            "type": "CORS"
          },
          {
            "type": "REDIRECT"
          }
        ]
      }
    },
    "response": {
      "id": "tos10hu7rkbtrFt1M0g4",
      "name": "New Trusted Origin",
      "origin": "http://example.com",
      "status": "ACTIVE",
      "scopes": [
        {
          "type": "CORS"
        },
        {
          "type": "REDIRECT"
        }
      ],
      "created": "2018-01-13T01:11:44.000Z",
      "createdBy": "00ut5t92p6IEOi4bu0g3",
      "lastUpdated": "2018-01-13T01:11:44.000Z",
      "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
      "_links": {
        "self": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hu7rkbtrFt1M0g4",
          "hints": {
            "allow": [
              "GET",
              "PUT",
              "DELETE"
            ]
          }
        },
        "deactivate": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hu7rkbtrFt1M0g4/lifecycle/deactivate",
          "hints": {
            "allow": [
              "POST"
            ]
          }
        }
      }
    }
  } as ReferenceExample,
  createInvalid: {
    "request": {
      "method": "POST",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": {
        "name": "Trusted Origin with Invalid Origin Value",
        "origin": "example.com",
        "scopes": [
          {
            "type": "CORS"
          },
          {
            "type": "REDIRECT"
          }
        ]
      }
    },
    "response": {
      "errorCode": "E0000001",
      "errorSummary": "Api validation failed: origin",
      "errorLink": "E0000001",
      "errorId": "oaeHRVRe-oQQWChradByNOnHg",
      "errorCauses": [
        {
          "errorSummary": "origin: Origin value is not valid"
        }
      ]
    }
  } as ReferenceExample,
  get: {
    "request": {
      "method": "GET",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": null
    },
    "response": {
      "id": "tosue7JvguwJ7U6kz0g3",
      "name": "Example Trusted Origin",
      "origin": "http://example.com",
      "scopes": [
        {
          "type": "CORS"
        },
        {
          "type": "REDIRECT"
        }
      ],
      "status": "ACTIVE",
      "created": "2017-12-16T05:01:12.000Z",
      "createdBy": "00ut5t92p6IEOi4bu0g3",
      "lastUpdated": "2017-12-16T05:01:12.000Z",
      "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
      "_links": {
        "self": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
          "hints": {
            "allow": [
              "GET",
              "PUT",
              "DELETE"
            ]
          }
        },
        "deactivate": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate",
          "hints": {
            "allow": [
              "POST"
            ]
          }
        }
      }
    }
  } as ReferenceExample,
  listAll: {
    "request": {
      "method": "GET",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": null
    },
    "response": [
      {
        "id": "tosue7JvguwJ7U6kz0g3",
        "name": "Example Trusted Origin",
        "origin": "http://example.com",
        "scopes": [
          {
            "type": "CORS"
          }
        ],
        "status": "ACTIVE",
        "created": "2018-01-13T01:22:10.000Z",
        "createdBy": "00ut5t92p6IEOi4bu0g3",
        "lastUpdated": "2018-01-13T01:22:10.000Z",
        "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
        "_links": {
          "self": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
            "hints": {
              "allow": [
                "GET",
                "PUT",
                "DELETE"
              ]
            }
          },
          "deactivate": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate",
            "hints": {
              "allow": [
                "POST"
              ]
            }
          }
        }
      },
      {
        "id": "tos10hzarOl8zfPM80g4",
        "name": "Another Trusted Origin",
        "origin": "https://rf.example.com",
        "scopes": [
          {
            "type": "CORS"
          },
          {
            "type": "REDIRECT"
          }
        ],
        "status": "ACTIVE",
        "created": "2017-12-16T05:01:12.000Z",
        "createdBy": "00ut5t92p6IEOi4bu0g3",
        "lastUpdated": "2017-12-16T05:01:12.000Z",
        "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
        "_links": {
          "self": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4",
            "hints": {
              "allow": [
                "GET",
                "PUT",
                "DELETE"
              ]
            }
          },
          "deactivate": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/deactivate",
            "hints": {
              "allow": [
                "POST"
              ]
            }
          }
        }
      },
      {
        "id": "tos10i0nu9m7pAlJQ0g4",
        "name": "Yet Another Trusted Origin",
        "origin": "http://yato.example.com",
        "scopes": [
          {
            "type": "CORS"
          },
          {
            "type": "REDIRECT"
          }
        ],
        "status": "ACTIVE",
        "created": "2018-01-13T01:48:32.000Z",
        "createdBy": "00ut5t92p6IEOi4bu0g3",
        "lastUpdated": "2018-01-13T01:48:32.000Z",
        "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
        "_links": {
          "self": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10i0nu9m7pAlJQ0g4",
            "hints": {
              "allow": [
                "GET",
                "PUT",
                "DELETE"
              ]
            }
          },
          "deactivate": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10i0nu9m7pAlJQ0g4/lifecycle/deactivate",
            "hints": {
              "allow": [
                "POST"
              ]
            }
          }
        }
      }
    ]
  } as ReferenceExample,
  listFiltered: {
    "request": {
      "method": "GET",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins?limit=100&filter=%28id+eq+%22tosue7JvguwJ7U6kz0g3%22+or+id+eq+%22tos10hzarOl8zfPM80g4%22%29",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": null
    },
    "response": [
      {
        "id": "tosue7JvguwJ7U6kz0g3",
        "name": "Example Trusted Origin",
        "origin": "http://example.com",
        "scopes": [
          {
            "type": "CORS"
          }
        ],
        "status": "ACTIVE",
        "created": "2018-01-13T01:22:10.000Z",
        "createdBy": "00ut5t92p6IEOi4bu0g3",
        "lastUpdated": "2018-01-13T01:22:10.000Z",
        "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
        "_links": {
          "self": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
            "hints": {
              "allow": [
                "GET",
                "PUT",
                "DELETE"
              ]
            }
          },
          "deactivate": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate",
            "hints": {
              "allow": [
                "POST"
              ]
            }
          }
        }
      },
      {
        "id": "tos10hzarOl8zfPM80g4",
        "name": "Another Trusted Origin",
        "origin": "https://rf.example.com",
        "scopes": [
          {
            "type": "CORS"
          },
          {
            "type": "REDIRECT"
          }
        ],
        "status": "ACTIVE",
        "created": "2017-12-16T05:01:12.000Z",
        "createdBy": "00ut5t92p6IEOi4bu0g3",
        "lastUpdated": "2017-12-16T05:01:12.000Z",
        "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
        "_links": {
          "self": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4",
            "hints": {
              "allow": [
                "GET",
                "PUT",
                "DELETE"
              ]
            }
          },
          "deactivate": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/deactivate",
            "hints": {
              "allow": [
                "POST"
              ]
            }
          }
        }
      }
    ]
  } as ReferenceExample,
  update: {
    "request": {
      "method": "PUT",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": {
        "id": "tosue7JvguwJ7U6kz0g3",
        "name": "Updated Example Trusted Origin",
        "origin": "http://updated.example.com",
        "scopes": [
          {
            "type": "CORS"
          },
          {
            "type": "REDIRECT"
          }
        ],
        "status": "ACTIVE",
        "created": "2017-12-16T05:01:12.000Z",
        "createdBy": "00ut5t92p6IEOi4bu0g3",
        "lastUpdated": "2017-12-16T05:01:12.000Z",
        "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
        "_links": {
          "self": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
            "hints": {
              "allow": [
                "GET",
                "PUT",
                "DELETE"
              ]
            }
          },
          "deactivate": {
            "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate",
            "hints": {
              "allow": [
                "POST"
              ]
            }
          }
        }
      }
    },
    "response": {
      "id": "tosue7JvguwJ7U6kz0g3",
      "name": "Updated Example Trusted Origin",
      "origin": "http://updated.example.com",
      "scopes": [
        {
          "type": "CORS"
        },
        {
          "type": "REDIRECT"
        }
      ],
      "status": "ACTIVE",
      "created": "2017-12-16T05:01:12.000Z",
      "createdBy": "00ut5t92p6IEOi4bu0g3",
      "lastUpdated": "2018-01-17T21:25:40.000Z",
      "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
      "_links": {
        "self": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3",
          "hints": {
            "allow": [
              "GET",
              "PUT",
              "DELETE"
            ]
          }
        },
        "deactivate": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate",
          "hints": {
            "allow": [
              "POST"
            ]
          }
        }
      }
    }
  } as ReferenceExample,
  activate: {
    "request": {
      "method": "POST",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/activate",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": null
    },
    "response": {
      "id": "tos10hzarOl8zfPM80g4",
      "name": "Another Trusted Origin",
      "origin": "https://rf.example.com",
      "scopes": [
        {
          "type": "CORS"
        }
      ],
      "status": "ACTIVE",
      "created": "2018-01-13T01:22:10.000Z",
      "createdBy": "00ut5t92p6IEOi4bu0g3",
      "lastUpdated": "2018-01-18T01:07:28.000Z",
      "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
      "_links": {
        "self": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4",
          "hints": {
            "allow": [
              "GET",
              "PUT",
              "DELETE"
            ]
          }
        },
        "deactivate": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/deactivate",
          "hints": {
            "allow": [
              "POST"
            ]
          }
        }
      }
    }
  } as ReferenceExample,
  deactivate: {
    "request": {
      "method": "POST",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/deactivate",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": null
    },
    "response": {
      "id": "tos10hzarOl8zfPM80g4",
      "name": "Another Trusted Origin",
      "origin": "https://rf.example.com",
      "scopes": [
        {
          "type": "CORS"
        }
      ],
      "status": "INACTIVE",
      "created": "2018-01-13T01:22:10.000Z",
      "createdBy": "00ut5t92p6IEOi4bu0g3",
      "lastUpdated": "2018-01-18T01:18:26.000Z",
      "lastUpdatedBy": "00ut5t92p6IEOi4bu0g3",
      "_links": {
        "activate": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4/lifecycle/activate",
          "hints": {
            "allow": [
              "POST"
            ]
          }
        },
        "self": {
          "href": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g4",
          "hints": {
            "allow": [
              "GET",
              "PUT",
              "DELETE"
            ]
          }
        }
      }
    }
  } as ReferenceExample,
  delete: {
    "request": {
      "method": "DELETE",
      "url": "https://${yourOktaDomain}/api/v1/trustedOrigins/tos10hzarOl8zfPM80g3",
      "headers": {
        "Accept": "application/json",
        "Content-Type": "application/json",
        "Authorization": "SSWS ${api_token}"
      },
      "body": null
    },
    "response": null
  } as ReferenceExample,
} satisfies Record<string, ReferenceExample>;
